import { HarnessError } from '../harness/errors.ts';
import type { ActionName, TargetConfig } from '../harness/target.ts';
import { isRuleId, type AnyRuleId, type RuleId } from './ruleIds.ts';
import type { Shard } from './shard.ts';

/**
 * Everything one conformance run needs, as plain JSON: the CLI builds it from flags, or it is read
 * from EC2IDEM_* variables when vitest is started directly (`npx vitest run --project conformance`).
 */
export interface RunSettings {
  /** Absent: the run starts the embedded reference emulator. */
  readonly target?: TargetConfig;
  /** Set once the embedded emulator runs: it is fresh, so short tokens are safe. */
  readonly embedded?: boolean;
  /** The CLI already checked the budget and ran the preflight; globalSetup does both otherwise. */
  readonly preflighted?: boolean;
  readonly runId: string;
  /** The run's seed; each rule × action derives its own from it. */
  readonly seed: number;
  /** Cases per rule (scaled by each rule's cost). @defaultValue each rule's default */
  readonly runs?: number;
  readonly only?: readonly AnyRuleId[];
  readonly actions?: readonly ActionName[];
  /** fast-check replay path; only meaningful with one rule and one action. */
  readonly path?: string;
  /** fast-check's replay path of a shrunk sequence of steps (HISTORY), printed with its counterexample. */
  readonly stepsPath?: string;
  /**
   * The command that reproduces this run's target and profile, for replay lines: CLI flags are
   * appended to an `ec2-idem run …` base; otherwise EC2IDEM_* variables are prefixed to it.
   */
  readonly replayBase: string;
  /** Override of the target's profile. */
  readonly profile?: TargetConfig['profile'];
  /** Where the ledger goes (JSONL, appended). @defaultValue none: no ledger */
  readonly ledgerPath?: string;
  /** The target file the run was started with, recorded in the ledger for `ec2-idem cleanup`. */
  readonly targetFile?: string;
  /** Run only this shard of the rule × action list (specs/shard.ts). @defaultValue the whole list */
  readonly shard?: Shard;
  /** For self-tests: a seeded bug or legitimate variant of the embedded emulator. */
  readonly emulator?: { readonly bug?: string; readonly variant?: string };
}

export const SETTINGS_ENV = 'EC2IDEM_SETTINGS';

export function newRunId(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0')}`;
}

/** Settings from the environment: EC2IDEM_SETTINGS (JSON, written by the CLI) or the single variables. */
export function settingsFromEnv(env: NodeJS.ProcessEnv): RunSettings {
  const json = env[SETTINGS_ENV];
  if (json) return JSON.parse(json) as RunSettings;
  const seed = env.EC2IDEM_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : integer('EC2IDEM_SEED', env.EC2IDEM_SEED);
  const only = env.EC2IDEM_ONLY?.split(',').filter(Boolean);
  for (const rule of only ?? []) {
    if (!isRuleId(rule)) throw new HarnessError('EC2IDEM_USAGE', `EC2IDEM_ONLY: unknown rule "${rule}"`);
  }
  return {
    targetFile: env.EC2IDEM_TARGET,
    ledgerPath: env.EC2IDEM_LEDGER,
    runId: newRunId(),
    seed,
    runs: env.EC2IDEM_RUNS === undefined ? undefined : integer('EC2IDEM_RUNS', env.EC2IDEM_RUNS),
    only: only as RuleId[] | undefined,
    actions: env.EC2IDEM_ACTIONS?.split(',').filter(Boolean) as ActionName[] | undefined,
    path: env.EC2IDEM_PATH,
    stepsPath: env.EC2IDEM_STEPS_PATH,
    profile: env.EC2IDEM_PROFILE as TargetConfig['profile'],
    emulator: env.EC2IDEM_BUG || env.EC2IDEM_VARIANT ? { bug: env.EC2IDEM_BUG, variant: env.EC2IDEM_VARIANT } : undefined,
    replayBase: `${env.EC2IDEM_TARGET ? `EC2IDEM_TARGET=${env.EC2IDEM_TARGET} ` : ''}npx vitest run --project conformance`,
  };
}

function integer(name: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new HarnessError('EC2IDEM_USAGE', `${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}

/** One command that replays exactly one shrunk case (and, for a sequence of steps, its replay path). */
export function replayCommand(settings: RunSettings, rule: AnyRuleId, action: string, path: string, stepsPath?: string): string {
  if (settings.replayBase.includes('ec2-idem run')) {
    return `${settings.replayBase} --only ${rule} --action ${action} --seed ${settings.seed} --path ${path}${stepsPath ? ` --steps-path ${stepsPath}` : ''}`;
  }
  return `EC2IDEM_ONLY=${rule} EC2IDEM_ACTIONS=${action} EC2IDEM_SEED=${settings.seed} EC2IDEM_PATH=${path}${stepsPath ? ` EC2IDEM_STEPS_PATH=${stepsPath}` : ''} ${settings.replayBase}`;
}
