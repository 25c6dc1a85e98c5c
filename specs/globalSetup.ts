import type { TestProject } from 'vitest/node';
import { startEmbeddedTarget } from '../cli/embeddedTarget.ts';
import type { BugName, LegitVariantName } from '../emulator/bugs.ts';
import { loadTargetFile } from '../harness/target.ts';
import { settingsFromEnv, type RunSettings } from './settings.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    ec2idemRun: RunSettings;
  }
}

/**
 * Runs once in the main vitest process (the CLI's own process under `ec2-idem run`): settles the
 * target and, when there is none, starts the embedded emulator right here, in-process.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const settings = settingsFromEnv(process.env);
  const fromFile = settings.target ?? (settings.targetFile ? await loadTargetFile(settings.targetFile) : undefined);
  if (fromFile) {
    project.provide('ec2idemRun', { ...settings, target: fromFile });
    return async () => {};
  }
  const profile = settings.profile ?? 'seed';
  const { emulator, target } = await startEmbeddedTarget({
    profile,
    bug: settings.emulator?.bug as BugName | undefined,
    variant: settings.emulator?.variant as LegitVariantName | undefined,
  });
  project.provide('ec2idemRun', { ...settings, target, embedded: true });
  return () => emulator.close();
}
