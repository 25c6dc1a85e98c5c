import { ACTION_ADAPTERS } from '../harness/actions/index.ts';
import { Breaker } from '../harness/breaker.ts';
import { preflight } from '../harness/preflight.ts';
import type { ResolvedTarget } from '../harness/target.ts';
import { TokenMinter } from '../harness/tokens.ts';
import { Visibility } from '../harness/visibility.ts';
import { PromiseModel } from '../harness/model/promiseModel.ts';
import type { RunModel } from '../harness/model/runModel.ts';
import type { Verdict } from '../reports/model.ts';
import type { RuleId } from './ruleIds.ts';
import { DEFAULT_RUNS, runRule } from './runRule.ts';
import { isEndOfRun, selectCases, type RuleCase } from './selection.ts';
import type { RunSettings } from './settings.ts';

export interface SuiteRequest {
  readonly target: ResolvedTarget;
  readonly settings: RunSettings;
  readonly only?: readonly RuleId[];
  /** Cases per rule. @defaultValue DEFAULT_RUNS */
  readonly defaultRuns?: number;
  /** Rule × action tests in flight at once (they mostly wait on the network). @defaultValue 10, as vitest's conformance project */
  readonly concurrency?: number;
  readonly onVerdict?: (verdict: Verdict) => void;
  /** @defaultValue true */
  readonly shrink?: boolean;
  /** Per rule × action. @defaultValue RULE_TIME_LIMIT_MS */
  readonly timeLimitMs?: number;
}

export interface SuiteRun {
  readonly verdicts: readonly Verdict[];
  /** Why the run stopped before (the preflight) or while (the breaker) rules ran, if it did. */
  readonly stopped?: string;
  /** Requests the preflight sent. */
  readonly preflightRequests: number;
}

/**
 * The suite without vitest, for self-tests (`npm run mutants`, the legitimate-variant runs):
 * the same preflight, rules, selection, breaker and runner as specs/conformance.spec.ts, verdicts as values.
 */
export async function runSuite(request: SuiteRequest): Promise<SuiteRun> {
  const { target, settings } = request;
  const checked = await preflight(target, { runId: settings.runId, seed: settings.seed, actions: target.actions });
  if (checked.problem !== undefined) return { verdicts: [], stopped: checked.problem, preflightRequests: checked.requests };
  const cases = selectCases(target.actions, request.only);
  const breaker = new Breaker();
  const context = {
    settings,
    target,
    minter: new TokenMinter(),
    secrets: [],
    defaultRuns: request.defaultRuns ?? DEFAULT_RUNS,
    shrink: request.shrink,
    timeLimitMs: request.timeLimitMs,
    breaker,
    visibility: new Visibility(target.consistencyWindowMs),
    model: new PromiseModel(target.profile) as RunModel,
  };
  const verdicts: Verdict[] = [];
  const runAll = async (batch: readonly RuleCase[]) => {
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < batch.length; index = next++) {
        const { rule, action } = batch[index]!;
        const verdict = await runRule(rule, ACTION_ADAPTERS[action], context);
        verdicts.push(verdict);
        request.onVerdict?.(verdict);
      }
    };
    await Promise.all(Array.from({ length: request.concurrency ?? 10 }, worker));
  };
  // End-of-run rules look back on the whole run: they start once every other rule has finished.
  await runAll(cases.filter((c) => !isEndOfRun(c)));
  await runAll(cases.filter(isEndOfRun));
  return { verdicts, stopped: breaker.cause, preflightRequests: checked.requests };
}
