import { startEmbeddedTarget, type EmbeddedOptions } from '../cli/embeddedTarget.ts';
import type { ActionName } from '../harness/target.ts';
import { conformanceOf } from '../reports/build.ts';
import type { Conformance, Verdict } from '../reports/model.ts';
import { withRuleHeader } from '../specs/ruleResult.ts';
import { ruleCatalog } from '../specs/catalog.ts';
import type { AnyRuleId } from '../specs/ruleIds.ts';
import { runSuite } from '../specs/runSuite.ts';
import { newRunId } from '../specs/settings.ts';

export interface SelfTestRun {
  readonly verdicts: readonly Verdict[];
  /** The run's verdict, as the report would give it (before any sweep: resources left are not counted). */
  readonly conformance: Conformance;
  /** Why the run stopped early (preflight or breaker), if it did. */
  readonly stopped?: string;
  readonly durationMs: number;
  readonly requests: number;
}

/** The whole suite, default settings, against a fresh embedded emulator with one bug or variant on. */
export interface RunAgainstOptions {
  readonly seed: number;
  readonly only?: readonly AnyRuleId[];
  /** Shrink failures (for readable counterexamples); kill counting does not need it. @defaultValue false */
  readonly shrink?: boolean | readonly AnyRuleId[];
  /** Cases per rule. @defaultValue the suite's default */
  readonly runs?: number;
  /** Token-taking actions to test. @defaultValue the embedded target's (the default set) */
  readonly actions?: readonly ActionName[];
}

export async function runAgainst(setting: Omit<EmbeddedOptions, 'profile' | 'seed'>, options: RunAgainstOptions): Promise<SelfTestRun> {
  const started = Date.now();
  // The run's seed also seeds the emulator's faults, so a printed seed replays a fault-driven run.
  const { emulator, target } = await startEmbeddedTarget({ profile: 'seed', seed: options.seed, ...setting });
  try {
    const flags = [setting.bug && `--emulator-bug ${setting.bug}`, setting.variant && `--emulator-variant ${setting.variant}`].filter(Boolean);
    const actionFlags = (options.actions ?? []).map((action) => `--action ${action}`);
    const settings = { target: options.actions ? { ...target, actions: options.actions } : target, runId: newRunId(), seed: options.seed, replayBase: ['npx ec2-idem run', ...flags, ...actionFlags].join(' '), embedded: true };
    // Kills are counted, not read: no shrinking by default, which makes a bug's run several times faster.
    const run = await runSuite({ settings, only: options.only, shrink: options.shrink ?? false, defaultRuns: options.runs });
    const conformance = run.stopped !== undefined ? 'untested' : conformanceOf(run.verdicts.map(withRuleHeader), 0);
    const requests = run.preflightRequests + run.verdicts.reduce((sum, v) => sum + v.requests, 0);
    return { verdicts: run.verdicts, conformance, stopped: run.stopped, durationMs: Date.now() - started, requests };
  } finally {
    await emulator.close();
  }
}

/**
 * The rules to run to see whether `expected` catch a bug: those rules, unless one of them looks back
 * on the whole run (RETENTION), which needs every other rule to have run first.
 */
export function rulesToRun(expected: readonly AnyRuleId[]): readonly AnyRuleId[] | undefined {
  const looksBack = expected.some((id) => ruleCatalog().find((rule) => rule.id === id)?.scope === 'end-of-run');
  return looksBack || expected.length === 0 ? undefined : expected;
}

/** The rule ids that were shown broken (a rule violation, not a crash or an inconclusive run), in catalog order. */
export function violatedRules(verdicts: readonly Verdict[]): AnyRuleId[] {
  return [...new Set(verdicts.filter((v) => v.status === 'failed').map((v) => v.rule))];
}

/** Rule × action results that are not a pass with evidence (for the legitimate variants, which must pass everything). */
export function notPassed(verdicts: readonly Verdict[]): Verdict[] {
  return verdicts.filter((v) => v.status !== 'passed' && v.status !== 'not-applicable');
}
