import { adapterFor } from '../harness/actions/index.ts';
import { sweepRun, type SweepResult } from '../harness/cleanup.ts';
import { preflight } from '../harness/preflight.ts';
import type { EvidenceSink } from '../harness/evidence.ts';
import type { TargetConfig } from '../harness/target.ts';
import type { Verdict } from '../reports/model.ts';
import type { AnyRuleId } from './ruleIds.ts';
import { fixturesNeeded, prepareRun } from './runContext.ts';
import { cleanFixtures } from '../harness/fixtures/cleanFixtures.ts';
import { runRule } from './runRule.ts';
import { isEndOfRun, type RuleCase } from './selection.ts';
import type { RunSettings } from './settings.ts';

export interface SuiteRequest {
  readonly settings: RunSettings & { readonly target: TargetConfig };
  /** Overrides `settings.only`. */
  readonly only?: readonly AnyRuleId[];
  /** Cases per rule before the rule's cost divides them. @defaultValue the run's (DEFAULT_RUNS within the budget) */
  readonly defaultRuns?: number;
  /** Rule × action tests in flight at once (they mostly wait on the network). @defaultValue the target's `concurrency` (10) */
  readonly concurrency?: number;
  /** Called as each rule × action gets its verdict. */
  readonly onVerdict?: (verdict: Verdict) => void | Promise<void>;
  /** Shrink failures to a minimal case: all rules, none, or only these (self-tests read one rule's). @defaultValue true */
  readonly shrink?: boolean | readonly AnyRuleId[];
  /** Per rule × action. @defaultValue RULE_TIME_LIMIT_MS */
  readonly timeLimitMs?: number;
  /** Run the preflight first. @defaultValue true */
  readonly preflight?: boolean;
  /** Sweep the run's resources at the end and count what is left. @defaultValue false */
  readonly sweep?: boolean;
  /** Receives every attempt the rules send (a certification's evidence). @defaultValue none */
  readonly evidence?: EvidenceSink;
}

export interface SuiteRun {
  readonly verdicts: readonly Verdict[];
  /** Why the run stopped before (the preflight) or while (the breaker) rules ran, if it did. */
  readonly stopped?: string;
  /** Requests the preflight sent. */
  readonly preflightRequests: number;
  /** The final sweep, when one was asked for. */
  readonly sweep?: SweepResult;
}

/**
 * A whole run in this process: preflight, every selected rule × action (end-of-run rules last),
 * the breaker, and a final sweep. `ec2-idem run` and the self-tests use it; the vitest entry
 * (specs/conformance.spec.ts) runs the same rules from the same prepared run (specs/runContext.ts).
 */
export async function runSuite(request: SuiteRequest): Promise<SuiteRun> {
  const settings = request.only ? { ...request.settings, only: request.only } : request.settings;
  const { context: prepared, cases, target } = prepareRun(settings);
  const context = {
    ...prepared,
    timeLimitMs: request.timeLimitMs,
    ...(request.defaultRuns === undefined ? {} : { defaultRuns: request.defaultRuns }),
    ...(request.evidence === undefined ? {} : { evidence: request.evidence }),
  };
  const actions = [...new Set(cases.map((c) => c.action))];
  const checked = request.preflight === false ? { requests: 0 } : await preflight(target, { runId: settings.runId, seed: settings.seed, actions: actions.length > 0 ? actions : target.actions });
  if ('problem' in checked && checked.problem !== undefined) return { verdicts: [], stopped: checked.problem, preflightRequests: checked.requests };
  await context.fixtures?.provision(target, fixturesNeeded(cases), { runId: settings.runId, ledger: context.ledger });
  const verdicts: Verdict[] = [];
  const runAll = async (batch: readonly RuleCase[]) => {
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < batch.length; index = next++) {
        const { rule, action } = batch[index]!;
        const shrink = Array.isArray(request.shrink) ? request.shrink.includes(rule.id) : request.shrink !== false;
        const verdict = await runRule(rule, adapterFor(action), { ...context, shrink });
        verdicts.push(verdict);
        await request.onVerdict?.(verdict);
      }
    };
    await Promise.all(Array.from({ length: request.concurrency ?? target.concurrency }, worker));
  };
  // End-of-run rules look back on the whole run: they start once every other rule has finished.
  await runAll(longestFirst(cases.filter((c) => !isEndOfRun(c))));
  await runAll(cases.filter(isEndOfRun));
  const stopped = context.breaker?.cause;
  // Fixtures go after the rules' resources (which may have depended on them) and before the
  // second look, which must then count what deleting a fixture took with it as gone.
  const removeFixtures = async () => (context.fixtures?.createdAny ? cleanFixtures(target, settings.runId) : { leftBehind: 0, problems: [] });
  const sweep = request.sweep ? await sweepRun(target, settings.runId, undefined, { quick: stopped !== undefined, settleMs: context.visibility?.lagMs, betweenLooks: removeFixtures }) : undefined;
  if (!request.sweep) await removeFixtures();
  return { verdicts, stopped, preflightRequests: checked.requests, ...(sweep ? { sweep } : {}) };
}

/**
 * Costlier rules first (a stable sort: catalogue order otherwise). Rules run a few at a time and
 * the last to start sets the end: HISTORY, started last, ran alone for its final half second.
 */
export function longestFirst(cases: readonly RuleCase[]): RuleCase[] {
  return [...cases].sort((a, b) => (b.rule.cost ?? 1) - (a.rule.cost ?? 1));
}
