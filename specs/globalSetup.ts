import type { TestProject } from 'vitest/node';
import { startEmbeddedTarget } from '../cli/embeddedTarget.ts';
import type { BugName, LegitVariantName } from '../emulator/bugs.ts';
import { checkBudget } from '../harness/budget.ts';
import { HarnessError } from '../harness/errors.ts';
import { preflight } from '../harness/preflight.ts';
import { loadTargetFile, resolveTarget, type TargetConfig } from '../harness/target.ts';
import { settingsFromEnv, type RunSettings } from './settings.ts';
import { baseProfile } from '../plugins/registry.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    ec2idemRun: RunSettings;
  }
}

/**
 * Runs once in the main vitest process (the CLI's own process under `ec2-idem run`): settles the
 * target — a file, or else the embedded emulator started right here, in-process — and, unless the
 * CLI already did, refuses a non-local target without a budget and runs the preflight, exactly as
 * `ec2-idem run` would.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const settings = settingsFromEnv(process.env);
  const fromFile = settings.target ?? (settings.targetFile ? await loadTargetFile(settings.targetFile) : undefined);
  if (fromFile) {
    if (!settings.preflighted) await check(fromFile, settings);
    project.provide('ec2idemRun', { ...settings, target: fromFile });
    return async () => {};
  }
  const { emulator, target } = await startEmbeddedTarget({
    profile: baseProfile(settings.profile ?? 'seed'),
    seed: settings.seed,
    bug: settings.emulator?.bug as BugName | undefined,
    variant: settings.emulator?.variant as LegitVariantName | undefined,
  });
  try {
    if (!settings.preflighted) await check(target, settings);
  } catch (error) {
    await emulator.close();
    throw error;
  }
  project.provide('ec2idemRun', { ...settings, target, embedded: true });
  return () => emulator.close();
}

/** The budget rule and the preflight; either stops the run with one line before any rule runs. */
async function check(config: TargetConfig, settings: RunSettings): Promise<void> {
  const target = resolveTarget({ ...config, profile: settings.profile ?? config.profile });
  checkBudget(target);
  // --action (EC2IDEM_ACTIONS) chooses the actions outright; otherwise the target's (its file, or the default set).
  const actions = settings.actions ?? target.actions;
  const { problem } = await preflight(target, { runId: settings.runId, seed: settings.seed, actions });
  if (problem !== undefined) throw new HarnessError('EC2IDEM_PREFLIGHT', `ec2-idempotency-conformance preflight: ${problem}`);
}
