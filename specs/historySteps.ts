import { setTimeout as delay } from 'node:timers/promises';
import fc from 'fast-check';
import type { FaultPlan } from '../generators/faultPlan.ts';
import { changedName, type ParamChange } from '../generators/paramChange.ts';
import type { CaseContext } from '../harness/actions/action.ts';
import { checkBurst, type BurstEntry } from '../harness/history/burst.ts';
import { describeStep } from '../harness/interceptors/fault.ts';
import { fingerprintOf, type PromiseModel, type TokenScope } from '../harness/model/promiseModel.ts';
import type { Ok, Outcome } from '../harness/outcome.ts';
import { advise } from '../harness/retry.ts';
import type { Placement, RuleHarness } from '../harness/ruleHarness.ts';
import { expectIds, expectObserved, expectOk, expectStepDone, ids, violation } from './expect.ts';
import { expectModelled } from './modelled.ts';

/** What the steps check against: the model of the promises for this one sequence. */
export interface World {
  readonly oracle: PromiseModel<null>;
}

/** What the steps act on: one action on one target, a pool of tokens, where each may go. */
export interface Real {
  readonly h: RuleHarness;
  readonly params: unknown;
  /** Minted tokens; each token has a case of its own (launch template names must not clash). */
  readonly tokens: readonly string[];
  readonly contexts: readonly CaseContext[];
  readonly placements: readonly Required<Placement>[];
  /** Token × placement pairs some step touched: the sequence's end reads them back. */
  readonly touched: Set<string>;
}

/** One step of a sequence: a request (or a wait) checked against the model, then the model updated. */
abstract class Step implements fc.AsyncCommand<World, Real> {
  constructor(
    readonly token: number,
    readonly where: number,
    readonly labels: readonly string[],
  ) {}

  check(_world: Readonly<World>): boolean {
    return true;
  }

  abstract run(world: World, real: Real): Promise<void>;
  abstract toString(): string;

  protected at(real: Real, change?: ParamChange) {
    const placement = real.placements[this.where % real.placements.length]!;
    const token = real.tokens[this.token % real.tokens.length]!;
    const params = change ? real.h.applyChange(real.params, change) : real.params;
    const scope: TokenScope = { account: placement.identity, region: placement.region.name, action: real.h.action.name, token };
    real.touched.add(`${this.token % real.tokens.length}|${this.where % real.placements.length}`);
    return { placement, token, params, scope, context: real.contexts[this.token % real.contexts.length]!, fingerprint: fingerprintOf(real.h.action.name, params) };
  }

  protected place(): string {
    return `t${this.token} ${this.labels[this.where % this.labels.length]}`;
  }
}

const changed = (change: ParamChange | undefined) => (change ? `, ${changedName(change)} changed` : '');

/** A create, or the same token again: exact, with one parameter changed, or under faults. */
export class Create extends Step {
  constructor(token: number, where: number, labels: readonly string[], readonly change?: ParamChange, readonly faults?: FaultPlan) {
    super(token, where, labels);
  }

  async run(world: World, real: Real): Promise<void> {
    const { placement, token, params, scope, context, fingerprint } = this.at(real, this.change);
    const expectation = world.oracle.expect(scope, fingerprint);
    const outcome = await real.h.create(params, token, context, { ...placement, faults: this.faults });
    const made = expectModelled(real.h, expectation, outcome, this.toString());
    if (expectation.kind === 'create') world.oracle.bind(scope, fingerprint, ids(made), outcome as Ok, Date.now(), null);
  }

  toString(): string {
    const faults = this.faults && this.faults.length > 0 ? ` under faults [${this.faults.map(describeStep).join(', ')}]` : '';
    return `create(${this.place()}${changed(this.change)})${faults}`;
  }
}

export class DryRun extends Step {
  constructor(token: number, where: number, labels: readonly string[], readonly change?: ParamChange) {
    super(token, where, labels);
  }

  async run(world: World, real: Real): Promise<void> {
    const { placement, token, params, scope, context, fingerprint } = this.at(real, this.change);
    expectModelled(real.h, world.oracle.expect(scope, fingerprint, { dryRun: true }), await real.h.create(params, token, context, { ...placement, dryRun: true }), this.toString());
  }

  toString(): string {
    return `dry-run(${this.place()}${changed(this.change)})`;
  }
}

/** Deletes (terminates) what a token made; nothing to do when it made nothing, or it is deleted already. */
export class Delete extends Step {
  async run(world: World, real: Real): Promise<void> {
    const { placement, scope } = this.at(real);
    const binding = world.oracle.binding(scope);
    if (binding === undefined || binding.deleted) return;
    for (const outcome of await real.h.remove(binding.resources, placement)) expectStepDone(outcome, `${this.toString()}: ${real.h.action.deleteAction}`);
    world.oracle.deleted(binding.resources);
  }

  toString(): string {
    return `delete(${this.place()})`;
  }
}

/** What the client-token filter shows for a token (actions that have the filter). */
export class DescribeByToken extends Step {
  async run(world: World, real: Real): Promise<void> {
    if (!real.h.action.findByToken) return;
    const { placement, token, scope } = this.at(real);
    const expected = world.oracle.byToken(scope);
    const seen = expectObserved(await real.h.observeToken(token, { ...placement, expect: expected }), `${this.toString()}: the client-token filter`, true);
    expectIds(seen, expected, `${this.toString()}: the client-token filter`);
  }

  toString(): string {
    return `describe-by-token(${this.place()})`;
  }
}

/** Concurrent copies with one token, the same parameters or alternating with one change. */
export class Burst extends Step {
  constructor(token: number, where: number, labels: readonly string[], readonly copies: number, readonly other?: ParamChange) {
    super(token, where, labels);
  }

  async run(world: World, real: Real): Promise<void> {
    const { placement, token, params, scope, context, fingerprint } = this.at(real);
    const otherParams = this.other ? real.h.applyChange(params, this.other) : params;
    const perCopy = Array.from({ length: this.copies }, (_, i) => (i % 2 === 1 ? otherParams : params));
    const prints = perCopy.map((p) => fingerprintOf(real.h.action.name, p));
    const before = world.oracle.binding(scope);
    const outcomes = await real.h.raceMixed(perCopy, token, context, placement);
    if (before !== undefined) {
      // A used token: every copy answers as the model says, or is told to come back later.
      outcomes.forEach((outcome, i) => {
        if (outcome.kind !== 'ok' && advise(outcome).kind === 'retry') return;
        expectModelled(real.h, world.oracle.expect(scope, prints[i]!), outcome, `${this.toString()}, copy ${i + 1}`);
      });
      return;
    }
    const entries: BurstEntry[] = outcomes.map((outcome, copy) => ({ copy, fingerprint: prints[copy]!, outcome, ids: outcome.kind === 'ok' ? ids(real.h.action.created(outcome)) : [] }));
    const answered = entries.find((e) => e.outcome.kind === 'ok');
    const seen = expectObserved(await real.h.observe(context, { ...placement, expect: answered?.ids ?? [] }), `${this.toString()}: read-back`);
    const verdict = checkBurst(entries, ids(seen.filter((r) => !real.h.action.isGone(r))));
    if (verdict.problems.length > 0) violation(`${this.toString()}: ${verdict.problems[0]}`);
    if (answered) {
      world.oracle.bind(scope, answered.fingerprint, answered.ids, answered.outcome as Ok, Date.now(), null);
      return;
    }
    // Nobody got an answer: the same request again settles which parameters won.
    for (const [i, candidate] of [params, otherParams].entries()) {
      const outcome: Outcome = await real.h.create(candidate, token, context, placement);
      if (outcome.kind !== 'ok') continue;
      world.oracle.bind(scope, i === 0 ? fingerprint : fingerprintOf(real.h.action.name, otherParams), ids(real.h.action.created(outcome)), outcome, Date.now(), null);
      return;
    }
    violation(`${this.toString()}: after a race that no copy won, neither set of parameters got an answer when sent again`);
  }

  toString(): string {
    return `burst(${this.place()}, ${this.copies} copies${this.other ? `, every other with ${changedName(this.other)} changed` : ''})`;
  }
}

/** Time passes: a kept token must not care (retention is at least 24 hours). */
export class Wait implements fc.AsyncCommand<World, Real> {
  constructor(readonly ms: number) {}

  check(): boolean {
    return true;
  }

  async run(): Promise<void> {
    await delay(this.ms);
  }

  toString(): string {
    return `wait(${this.ms} ms)`;
  }
}

export type HistoryStep = Step | Wait;
