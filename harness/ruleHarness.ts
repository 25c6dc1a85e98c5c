import fc from 'fast-check';
import { clientToken, type ClientTokenConstraints } from '../generators/clientToken.ts';
import type { EncodingVariant } from '../generators/encodingVariant.ts';
import type { ParamChange } from '../generators/paramChange.ts';
import { paramConstraints, type ActionAdapter, type CaseContext, type ParamConstraints } from './actions/action.ts';
import type { Budget } from './budget.ts';
import { Caller } from './caller.ts';
import { CaseBook, type Placement } from './caseBook.ts';
import { responseDifferences, type Difference } from './compare.ts';
import { Creator, type CreateOptions } from './creator.ts';
import type { Call } from './encode.ts';
import { RunAborted } from './errors.ts';
import type { Session } from './exchange.ts';
import type { Ledger } from './ledger.ts';
import type { Ok, Outcome } from './outcome.ts';
import { ReadBack, type Observation, type ObserveOptions } from './readBack.ts';
import { Remover } from './remover.ts';
import { LOOPBACK_POLICY, SDK_STANDARD_POLICY, type RetryPolicy } from './retry.constants.ts';
import type { RetryDependencies } from './retry.ts';
import type { ResolvedTarget } from './target.ts';
import type { TokenMinter } from './tokens.ts';
import { Visibility } from './visibility.ts';
import type { RecordedCreate, RunBinding, RunModel } from './model/runModel.ts';
import type { FixtureBook } from './fixtures/fixtureBook.ts';

export type { CreateOptions, Observation, ObserveOptions, Placement };

export interface RuleHarnessInit<P> {
  readonly target: ResolvedTarget;
  readonly adapter: ActionAdapter<P>;
  readonly session: Session;
  readonly minter: TokenMinter;
  readonly runId: string;
  /** Names this rule × action test inside the run; case ids extend it. */
  readonly testId: string;
  readonly retry?: RetryDependencies & { readonly policy?: RetryPolicy };
  /** Journal of every create, written before it is sent. @defaultValue none */
  readonly ledger?: Ledger;
  /** Launch and alive limits of the run (requests are limited by the session). @defaultValue none */
  readonly budget?: Budget;
  /** Most instances one launch may ask for. @defaultValue 2 */
  readonly maxInstances?: number;
  /** The run's knowledge of how late the endpoint lists what it made. @defaultValue a fresh one with the target's window */
  readonly visibility?: Visibility;
  /** The run's model of every token bound so far (what RETENTION replays). @defaultValue none */
  readonly model?: RunModel;
  /** Replay path of a sequence of steps, when one shrunk case is replayed. @defaultValue none */
  readonly stepsPath?: string;
  /** The run's fixtures (a VPC, a subnet, …) per region and account. @defaultValue none */
  readonly fixtures?: FixtureBook;
}

/**
 * What a rule sees of one action on one target: generators bound to the target, and the parts
 * that talk to it — creates ({@link Creator}), read-backs ({@link ReadBack}), deletes
 * ({@link Remover}), all through one {@link Caller} and one case's {@link CaseBook}. It never
 * asserts: rules do. What a case created is deleted when the case ends.
 */
export class RuleHarness<P = unknown> {
  readonly action: ActionAdapter<P>;
  readonly target: ResolvedTarget;
  readonly session: Session;
  readonly constraints: ParamConstraints;
  /** Counts of behaviours a rule classified (e.g. how concurrent duplicates were answered). */
  readonly observations: Record<string, number> = {};
  private caseSerial = 0;
  private readonly caller: Caller;
  private readonly book: CaseBook;
  private readonly creator: Creator<P>;
  private readonly reader: ReadBack;
  private readonly remover: Remover;
  private readonly visibility: Visibility;

  constructor(private readonly init: RuleHarnessInit<P>) {
    this.action = init.adapter;
    this.target = init.target;
    this.session = init.session;
    const adapter = init.adapter as ActionAdapter<unknown>;
    const policy = init.retry?.policy ?? (init.target.isLoopback ? LOOPBACK_POLICY : SDK_STANDARD_POLICY);
    this.visibility = init.visibility ?? new Visibility(init.target.consistencyWindowMs);
    this.caller = new Caller(init.session, policy, init.retry);
    this.book = new CaseBook({ target: init.target, action: adapter, runId: init.runId, ledger: init.ledger, budget: init.budget });
    this.creator = new Creator(init.adapter, init.target, this.caller, this.book, init.model, init.fixtures);
    this.reader = new ReadBack(adapter, this.caller, this.book, this.visibility);
    this.remover = new Remover(adapter, this.caller, this.book, this.visibility, init.model);
    this.constraints = paramConstraints(init.target, init.maxInstances);
  }

  get profile() {
    return this.target.profile;
  }

  /** Every attempt's outcome in the current case, retries included (what RETRY-ADVICE judges). */
  get seen(): Outcome[] {
    return this.caller.seen;
  }

  /** Resources this harness's creates made, over all cases. */
  get resourcesCreated(): number {
    return this.book.resourcesCreated;
  }

  /** The same facade for another action on the same session (cross-action rules). */
  forAction<Q>(adapter: ActionAdapter<Q>): RuleHarness<Q> {
    return new RuleHarness<Q>({ ...this.init, adapter, visibility: this.visibility, testId: `${this.init.testId}.${adapter.name}` });
  }

  params(): fc.Arbitrary<P> {
    return this.action.params(this.constraints);
  }

  /** Valid tokens for this action on this target: from its `minTokenLength` up to the action's limit. */
  token(constraints: ClientTokenConstraints = {}): fc.Arbitrary<string> {
    const minLength = Math.max(this.target.minTokenLength, constraints.minLength ?? 1);
    return clientToken({ minLength, maxLength: constraints.maxLength ?? this.action.tokenLimit });
  }

  change(): fc.Arbitrary<ParamChange> {
    return this.action.change(this.constraints);
  }

  applyChange(params: P, change: ParamChange): P {
    return this.action.applyChange(params, change, this.constraints);
  }

  newCase(): CaseContext {
    this.caseSerial += 1;
    return { runId: this.init.runId, testId: this.init.testId, caseId: `${this.init.testId}.${this.caseSerial}` };
  }

  /** A run-unique version of a generated token; skips the case when a short token space ran out. */
  mint(token: string): string {
    const minted = this.init.minter.mint(token);
    fc.pre(minted !== undefined);
    return minted as string;
  }

  /** Claims a token derived from a minted one; skips the case if some earlier case used it. */
  claim(token: string): string {
    fc.pre(this.init.minter.claim(token));
    return token;
  }

  /** One create, retried like a careful client (same token, re-signed); what it created is tracked. */
  create(params: P, token: string | undefined, context: CaseContext, options: CreateOptions = {}): Promise<Outcome> {
    return this.creator.create(params, token, context, options);
  }

  /** A create the run recorded earlier, sent again exactly as it was (retention replays); `known`: what it first made. */
  resend(recorded: RecordedCreate, known: readonly string[]): Promise<Outcome> {
    return this.creator.resend(recorded, known);
  }

  /** Journals a token in the ledger for a later recheck (`ec2-idem recheck`). */
  retain(binding: RunBinding): void {
    this.book.retained(binding);
  }

  /** fast-check's replay path for a sequence of steps (`fc.commands`), when a shrunk case is replayed. */
  get stepsPath(): string | undefined {
    return this.init.stepsPath;
  }

  /** The run's model of bound tokens, when the run keeps one. */
  get runModel(): RunModel | undefined {
    return this.init.model;
  }

  /** `copies` concurrent copies of one create, each a single attempt: how the endpoint answers a race. */
  race(params: P, token: string, context: CaseContext, copies: number, placement: Placement = {}): Promise<Outcome[]> {
    return this.creator.race(Array.from({ length: copies }, () => params), token, context, placement);
  }

  /** Concurrent creates with one token, copy i with `perCopy[i]` (the same or other parameters). */
  raceMixed(perCopy: readonly P[], token: string, context: CaseContext, placement: Placement = {}): Promise<Outcome[]> {
    return this.creator.race(perCopy, token, context, placement);
  }

  /** Counts one classified behaviour for the verdict's observations. */
  classify(label: string): void {
    this.observations[label] = (this.observations[label] ?? 0) + 1;
  }

  /** Any call, with the retry policy; the attempts are in the session's transcript. */
  send(call: Call, placement: Placement = {}, encoding?: EncodingVariant): Promise<Outcome> {
    return this.caller.send(call, placement, encoding);
  }

  /** What carries the case's tag, waiting (within the consistency window) for `options.expect`. */
  observe(context: CaseContext, options: ObserveOptions = {}): Promise<Observation> {
    return this.reader.byCase(context, options);
  }

  /** What the `client-token` filter shows for a token, waiting for `options.expect`. */
  observeToken(token: string, options: ObserveOptions = {}): Promise<Observation> {
    return this.reader.byToken(token, options);
  }

  /** One look at everything carrying one of the suite's tags in one placement (`aliveOnly`: see ReadBack.byTag): what a sweep deletes. */
  observeTag(key: string, value: string, placement: Placement = {}, aliveOnly = false): Promise<Observation> {
    return this.reader.byTag(key, value, placement, aliveOnly);
  }

  /** Deletes resources now (e.g. to test what a token does after termination). */
  remove(ids: readonly string[], placement: Placement = {}): Promise<Outcome[]> {
    return this.remover.remove(ids, placement);
  }

  /** The differences between two answers under this target's profile; empty means "same response". */
  differences(first: Ok, second: Ok): Difference[] {
    return responseDifferences(first, second, this.profile);
  }

  /**
   * Deletes what the case created; runs with recording off so it stays out of the transcript. Once
   * the run is stopped (the endpoint stopped answering EC2) it leaves the rest to the final sweep.
   */
  async endCase(): Promise<void> {
    const current = this.session.sink.current;
    this.session.sink.current = undefined;
    try {
      for (const { placement, ids } of this.book.open()) {
        if (ids.length > 0) await this.remover.remove(ids, placement);
      }
    } catch (error) {
      if (!(error instanceof RunAborted)) throw error;
    } finally {
      this.book.reset();
      this.seen.length = 0;
      this.session.faults.clear();
      this.session.sink.current = current;
    }
  }
}
