import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { ActionAdapter } from '../harness/actions/action.ts';
import type { Breaker } from '../harness/breaker.ts';
import { BudgetExhausted, type Budget } from '../harness/budget.ts';
import { NotApplicableError, RunAborted } from '../harness/errors.ts';
import type { Ledger } from '../harness/ledger.ts';
import { Session } from '../harness/exchange.ts';
import { scrub } from '../harness/redact.ts';
import { RuleHarness } from '../harness/ruleHarness.ts';
import type { ResolvedTarget } from '../harness/target.ts';
import type { TokenMinter } from '../harness/tokens.ts';
import type { AttemptRecord, Transcript } from '../harness/transcript.ts';
import type { Visibility } from '../harness/visibility.ts';
import type { RunModel } from '../harness/model/runModel.ts';
import type { FixtureBook } from '../harness/fixtures/fixtureBook.ts';
import type { EvidenceSink } from '../harness/evidence.ts';
import type { Counterexample, Verdict } from '../reports/model.ts';
import { missingCapability } from './capabilities.ts';
import { Inconclusive, RuleViolation } from './expect.ts';
import type { Rule } from './rule.ts';
import { replayCommand, type RunSettings } from './settings.ts';
import { MIN_CASES } from './caseCounts.ts';
import { ruleRunsIn } from '../plugins/registry.ts';

export { DEFAULT_RUNS, MIN_CASES } from './caseCounts.ts';

/** A rule × action stops generating (or shrinking) after this long; slow endpoints still finish. */
export const RULE_TIME_LIMIT_MS = 120_000;

export interface RuleRunContext {
  readonly settings: RunSettings;
  readonly target: ResolvedTarget;
  readonly minter: TokenMinter;
  /** Secret values to scrub from anything the endpoint echoed (messages, bodies). */
  readonly secrets: readonly string[];
  /** Cases per rule before the rule's cost divides them. */
  readonly defaultRuns: number;
  /** Shrink failures to a minimal case. Self-tests that only count kills turn it off. @defaultValue true */
  readonly shrink?: boolean;
  /** The run's journal of creates. @defaultValue none */
  readonly ledger?: Ledger;
  /** The run's spending limits, shared by all rules. @defaultValue none */
  readonly budget?: Budget;
  /** The run's circuit breaker, shared by all rules. @defaultValue none */
  readonly breaker?: Breaker;
  /** What the run learned about how late the endpoint lists new resources. @defaultValue one per rule */
  readonly visibility?: Visibility;
  /** How long one rule × action may generate and shrink. @defaultValue RULE_TIME_LIMIT_MS */
  readonly timeLimitMs?: number;
  /** The run's model of every bound token (RETENTION replays it at the end). @defaultValue none */
  readonly model?: RunModel;
  /** The run's fixtures (a VPC, a subnet, …), provisioned before the rules. @defaultValue none */
  readonly fixtures?: FixtureBook;
  /** Every attempt of every rule, labelled (a certification's evidence.jsonl). @defaultValue none */
  readonly evidence?: EvidenceSink;
  /** The run's profile when a plugin defines it (`target.profile` is then its base). @defaultValue target.profile */
  readonly profile?: string;
}

/** Each rule × action gets its own seed from the run's, so `--seed N --only R` replays it exactly. */
export function caseSeed(runSeed: number, rule: string, action: string): number {
  return createHash('sha256').update(`${runSeed}:${rule}:${action}`).digest().readUInt32BE(0) & 0x7fffffff;
}

/** Runs one rule against one action and returns its verdict. Never throws for what the endpoint does. */
export async function runRule(rule: Rule, adapter: ActionAdapter, context: RuleRunContext): Promise<Verdict> {
  const started = Date.now();
  const base = { rule: rule.id, action: adapter.name, runs: 0, requests: 0, resourcesCreated: 0 };
  const profile = context.profile ?? context.target.profile;
  const notRunnable = !ruleRunsIn(rule, profile)
    ? `not part of profile ${profile}`
    : missingCapability(rule.requires, context.target, adapter);
  const noFixture = context.fixtures?.unavailable(adapter.needs ?? []);
  if (notRunnable || noFixture) return { ...base, status: 'not-applicable', reason: notRunnable ?? `${adapter.name} needs what the target does not have: ${noFixture}`, durationMs: 0 };
  if (context.breaker?.cause !== undefined) return { ...base, status: 'skipped', reason: `run stopped: ${context.breaker.cause}`, durationMs: 0 };
  const evidence = context.evidence;
  const tap = evidence && ((attempt: AttemptRecord, caseNumber: number) => evidence.add({ rule: rule.id, action: adapter.name, case: caseNumber, attempt }, context.secrets));
  const session = new Session(context.target, { budget: context.budget, breaker: context.breaker, tap });
  const h = new RuleHarness({
    target: context.target,
    adapter,
    session,
    minter: context.minter,
    runId: context.settings.runId,
    testId: testId(rule.id, adapter.name, context.settings.runId),
    ledger: context.ledger,
    budget: context.budget,
    visibility: context.visibility,
    model: context.model,
    stepsPath: context.settings.stepsPath,
    fixtures: context.fixtures,
  });
  try {
    const verdict = await check(rule, h, context);
    const observations = Object.keys(h.observations).length > 0 ? { observations: { ...h.observations } } : {};
    return scrubbed({ ...base, ...verdict, ...observations, requests: session.requestsSent, resourcesCreated: h.resourcesCreated, durationMs: Date.now() - started }, context.secrets);
  } finally {
    await h.endCase();
    await session.close();
  }
}

type Checked = Pick<Verdict, 'status' | 'runs' | 'reason' | 'failure'>;

/** Errors that end a rule whatever the case: what they say is the verdict, so no case is tried after them. */
const isTerminal = (error: unknown) =>
  error instanceof Inconclusive || error instanceof NotApplicableError || error instanceof BudgetExhausted || error instanceof RunAborted;

async function check(rule: Rule, h: RuleHarness, context: RuleRunContext): Promise<Checked> {
  let failing: Transcript | undefined;
  let foundAfter: Counterexample['foundAfter'];
  let terminal: unknown;
  let violated = false;
  let evidenced = 0;
  const started = Date.now();
  const property = fc.asyncProperty(rule.cases(h), async (generated) => {
    // Once the verdict is decided by a terminal error, fast-check's further tries end at once.
    if (terminal !== undefined && !violated) throw terminal;
    const transcript = h.session.beginTranscript();
    try {
      await rule.check(h, generated);
      evidenced += 1;
    } catch (error) {
      if (fc.PreconditionFailure.isFailure(error)) throw error;
      const isViolation = error instanceof RuleViolation;
      // While shrinking a violation, a candidate that ends any other way does not reproduce it.
      if (violated && !isViolation) fc.pre(false);
      if (isViolation) violated = true;
      else if (isTerminal(error)) terminal = error;
      failing = transcript;
      foundAfter ??= { requests: h.session.requestsSent, ms: Date.now() - started };
      throw error;
    } finally {
      await h.endCase();
    }
  });
  const seed = caseSeed(context.settings.seed, rule.id, h.action.name);
  const path = context.settings.path;
  const numRuns = path ? 1 : rule.fixedRuns ?? Math.max(1, Math.round((context.settings.runs ?? context.defaultRuns) / (rule.cost ?? 1)));
  const minimum = Math.min(MIN_CASES, numRuns);
  const endOnFailure = path !== undefined || context.shrink === false;
  const timeLimitMs = context.timeLimitMs ?? RULE_TIME_LIMIT_MS;
  const details = await fc.check(property, { numRuns, seed, path, endOnFailure, maxSkipsPerRun: 20, interruptAfterTimeLimit: timeLimitMs });
  if (!details.failed) {
    if (evidenced >= minimum) {
      const interrupted = details.interrupted ? { reason: `time limit: stopped after ${evidenced} of ${numRuns} cases` } : {};
      return { status: 'passed', runs: evidenced, ...interrupted };
    }
    const why = details.interrupted ? `the time limit (${timeLimitMs / 1000} s) stopped it` : `${details.numSkips} generated cases could not run`;
    return { status: 'skipped', runs: evidenced, reason: `only ${evidenced} of the minimum ${minimum} cases ran: ${why}` };
  }
  const error = details.errorInstance;
  const failure = () => ({ ...counterexample(details, error, failing, rule, h, context), foundAfter });
  if (error instanceof RuleViolation) return { status: 'failed', runs: evidenced, failure: failure() };
  if (error instanceof Inconclusive) return { status: 'inconclusive', runs: evidenced, reason: error.message, failure: failure() };
  if (error instanceof NotApplicableError) return { status: 'not-applicable', runs: evidenced, reason: error.message };
  if (error instanceof BudgetExhausted || error instanceof RunAborted) return { status: 'skipped', runs: evidenced, reason: error.message };
  if (error === null || error === undefined) {
    // fast-check gave up without a failing case: too many skipped cases, or the time limit before any case ended.
    const why = details.interrupted ? `the time limit (${timeLimitMs / 1000} s) stopped it before any case ended` : `${details.numSkips} generated cases could not run (token space used up)`;
    return { status: 'skipped', runs: evidenced, reason: `no verdict: ${why}` };
  }
  // Anything else is the suite's own failure (or an unexpected exception): never a verdict on the endpoint.
  return { status: 'error', runs: evidenced, reason: `the rule crashed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, failure: failure() };
}

function counterexample(details: fc.RunDetails<[unknown]>, error: unknown, failing: Transcript | undefined, rule: Rule, h: RuleHarness, context: RuleRunContext): Counterexample {
  const path = details.counterexamplePath ?? '';
  const message = error instanceof Error ? error.message : details.failed ? String(error ?? 'the property failed') : '';
  const input = details.counterexample ? fc.stringify(details.counterexample[0]) : '(none)';
  // A sequence of steps replays only with fast-check's own path of that sequence, printed in the input.
  const stepsPath = /\/\*replayPath="([^"]*)"\*\//.exec(input)?.[1];
  return {
    message: message.split('\n')[0] ?? message,
    input,
    seed: details.seed,
    path,
    shrinks: details.numShrinks,
    transcript: failing?.attempts ?? [],
    replay: replayCommand(context.settings, rule.id, h.action.name, path, stepsPath),
  };
}

/** Names one rule × action test of a run; it is the test tag on everything the test creates. */
export function testId(rule: string, action: string, runId: string): string {
  return `${runId}.${rule.toLowerCase()}.${action.toLowerCase()}`;
}

function scrubbed(verdict: Verdict, secrets: readonly string[]): Verdict {
  return JSON.parse(scrub(JSON.stringify(verdict), secrets)) as Verdict;
}
