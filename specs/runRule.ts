import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { ActionAdapter } from '../harness/actions/action.ts';
import { BudgetExhausted, type Budget } from '../harness/budget.ts';
import { NotApplicableError } from '../harness/errors.ts';
import type { Ledger } from '../harness/ledger.ts';
import { Session } from '../harness/exchange.ts';
import { scrub } from '../harness/redact.ts';
import { RuleHarness } from '../harness/ruleHarness.ts';
import type { ResolvedTarget } from '../harness/target.ts';
import type { TokenMinter } from '../harness/tokens.ts';
import type { Transcript } from '../harness/transcript.ts';
import type { Counterexample, Verdict } from '../reports/model.ts';
import { missingCapability } from './capabilities.ts';
import type { Rule } from './rule.ts';
import { replayCommand, type RunSettings } from './settings.ts';

/**
 * Cases per rule by default (a rule's `cost` divides it): chosen so that `npm start` stays under
 * 10 s on a 2-core machine while every seeded bug of the emulator is still caught (npm run mutants).
 */
export const DEFAULT_RUNS = 30;

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
}

/** Each rule × action gets its own seed from the run's, so `--seed N --only R` replays it exactly. */
export function caseSeed(runSeed: number, rule: string, action: string): number {
  return createHash('sha256').update(`${runSeed}:${rule}:${action}`).digest().readUInt32BE(0) & 0x7fffffff;
}

/** Runs one rule against one action and returns its verdict. Never throws for what the endpoint does. */
export async function runRule(rule: Rule, adapter: ActionAdapter, context: RuleRunContext): Promise<Verdict> {
  const started = Date.now();
  const base = { rule: rule.id, action: adapter.name, runs: 0, requests: 0, resourcesCreated: 0 };
  const notRunnable = !rule.profiles.includes(context.target.profile)
    ? `not part of profile ${context.target.profile}`
    : missingCapability(rule.requires, context.target, adapter);
  if (notRunnable) return { ...base, status: 'not-applicable', reason: notRunnable, durationMs: 0 };
  const session = new Session(context.target, { budget: context.budget });
  const h = new RuleHarness({
    target: context.target,
    adapter,
    session,
    minter: context.minter,
    runId: context.settings.runId,
    testId: testId(rule.id, adapter.name, context.settings.runId),
    ledger: context.ledger,
    budget: context.budget,
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

async function check(rule: Rule, h: RuleHarness, context: RuleRunContext): Promise<Pick<Verdict, 'status' | 'runs' | 'reason' | 'failure'>> {
  let failing: Transcript | undefined;
  let foundAfter: Counterexample['foundAfter'];
  const started = Date.now();
  const property = fc.asyncProperty(rule.cases(h), async (generated) => {
    const transcript = h.session.beginTranscript();
    try {
      await rule.check(h, generated);
    } catch (error) {
      if (!fc.PreconditionFailure.isFailure(error)) {
        failing = transcript;
        foundAfter ??= { requests: h.session.requestsSent, ms: Date.now() - started };
      }
      throw error;
    } finally {
      await h.endCase();
    }
  });
  const seed = caseSeed(context.settings.seed, rule.id, h.action.name);
  const path = context.settings.path;
  const numRuns = path ? 1 : Math.max(1, Math.round((context.settings.runs ?? context.defaultRuns) / (rule.cost ?? 1)));
  const endOnFailure = path !== undefined || context.shrink === false;
  const details = await fc.check(property, { numRuns, seed, path, endOnFailure, maxSkipsPerRun: 20, interruptAfterTimeLimit: RULE_TIME_LIMIT_MS });
  if (!details.failed) {
    const interrupted = details.interrupted ? { reason: `time limit: stopped after ${details.numRuns} of ${numRuns} cases` } : {};
    return { status: 'passed', runs: details.numRuns, ...interrupted };
  }
  const error = details.errorInstance;
  if (error instanceof NotApplicableError) return { status: 'not-applicable', runs: details.numRuns, reason: error.message };
  if (error instanceof BudgetExhausted) return { status: 'skipped', runs: details.numRuns, reason: error.message };
  return { status: 'failed', runs: details.numRuns, failure: { ...counterexample(details, error, failing, rule, h, context), foundAfter } };
}

function counterexample(details: fc.RunDetails<[unknown]>, error: unknown, failing: Transcript | undefined, rule: Rule, h: RuleHarness, context: RuleRunContext): Counterexample {
  const path = details.counterexamplePath ?? '';
  const message = error instanceof Error ? error.message : details.failed ? String(error ?? 'the property failed') : '';
  return {
    message: message.split('\n')[0] ?? message,
    input: details.counterexample ? fc.stringify(details.counterexample[0]) : '(none)',
    seed: details.seed,
    path,
    shrinks: details.numShrinks,
    transcript: failing?.attempts ?? [],
    replay: replayCommand(context.settings, rule.id, h.action.name, path),
  };
}

/** Names one rule × action test of a run; it is the test tag on everything the test creates. */
export function testId(rule: string, action: string, runId: string): string {
  return `${runId}.${rule.toLowerCase()}.${action.toLowerCase()}`;
}

function scrubbed(verdict: Verdict, secrets: readonly string[]): Verdict {
  return JSON.parse(scrub(JSON.stringify(verdict), secrets)) as Verdict;
}
