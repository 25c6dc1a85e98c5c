import { startEmbeddedTarget, type EmbeddedOptions } from '../cli/embeddedTarget.ts';
import { resolveTarget } from '../harness/target.ts';
import type { Verdict } from '../reports/model.ts';
import type { RuleId } from '../specs/ruleIds.ts';
import { runSuite } from '../specs/runSuite.ts';
import { newRunId } from '../specs/settings.ts';

export interface SelfTestRun {
  readonly verdicts: readonly Verdict[];
  readonly durationMs: number;
  readonly requests: number;
}

/** The whole suite, default settings, against a fresh embedded emulator with one bug or variant on. */
export interface RunAgainstOptions {
  readonly seed: number;
  readonly only?: readonly RuleId[];
  /** Shrink failures (for readable counterexamples); kill counting does not need it. @defaultValue false */
  readonly shrink?: boolean;
  /** Cases per rule. @defaultValue the suite's default */
  readonly runs?: number;
}

export async function runAgainst(setting: Omit<EmbeddedOptions, 'profile'>, options: RunAgainstOptions): Promise<SelfTestRun> {
  const started = Date.now();
  const { emulator, target } = await startEmbeddedTarget({ profile: 'seed', ...setting });
  try {
    const flags = [setting.bug && `--emulator-bug ${setting.bug}`, setting.variant && `--emulator-variant ${setting.variant}`].filter(Boolean);
    const settings = { target, runId: newRunId(), seed: options.seed, replayBase: ['npx ec2-idem run', ...flags].join(' '), embedded: true };
    // Kills are counted, not read: no shrinking by default, which makes a bug's run several times faster.
    const verdicts = await runSuite({ target: resolveTarget(target), settings, only: options.only, shrink: options.shrink ?? false, defaultRuns: options.runs });
    return { verdicts, durationMs: Date.now() - started, requests: verdicts.reduce((sum, v) => sum + v.requests, 0) };
  } finally {
    await emulator.close();
  }
}

/** The rule ids that failed, in catalog order, without duplicates. */
export function failedRules(verdicts: readonly Verdict[]): RuleId[] {
  return [...new Set(verdicts.filter((v) => v.status === 'failed').map((v) => v.rule))];
}
