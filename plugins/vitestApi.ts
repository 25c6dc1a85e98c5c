// The vendor's vitest entry behind api/index.ts: the same tests as the suite's own entry
// (specs/conformanceTests.ts), with the target, plugins and profile given by the caller instead of
// the CLI's globalSetup.
import { afterAll } from 'vitest';
import { startEmbeddedTarget, type EmbeddedTarget } from '../cli/embeddedTarget.ts';
import { DEFAULT_ACTIONS, type ActionName, type TargetConfig } from '../harness/target.ts';
import { defineRuleTests } from '../specs/conformanceTests.ts';
import { prepareRun, type PreparedRun } from '../specs/runContext.ts';
import { selectCases } from '../specs/selection.ts';
import { newRunId } from '../specs/settings.ts';
import type { Plugin } from './plugin.ts';
import { activatePlugins, baseProfile } from './registry.ts';

export interface ConformanceTestsOptions {
  /** The endpoint to test. @defaultValue the embedded reference emulator, started before the tests (serving the plugins' emulator actions) */
  readonly target?: TargetConfig;
  /** Plugin objects (import them in the spec file). @defaultValue none */
  readonly plugins?: readonly Plugin[];
  /** Only these rules (built-in or a plugin's). @defaultValue every rule */
  readonly only?: readonly string[];
  /** A built-in profile or a plugin's. @defaultValue the target's, else 'seed' */
  readonly profile?: string;
  /** The actions to test. @defaultValue the target's, else RunInstances and CreateLaunchTemplate */
  readonly actions?: readonly string[];
  /** Cases per rule before each rule's cost divides them. @defaultValue 24 */
  readonly runs?: number;
  /** @defaultValue random (printed in each failure's replay line) */
  readonly seed?: number;
  /** Let plugins replace built-in actions or rules. @defaultValue false */
  readonly allowOverride?: boolean;
  /** A seeded bug of the embedded emulator (built-in or a plugin's). @defaultValue none */
  readonly bug?: string;
}

/**
 * Declares one vitest test per rule × action in the calling spec file, with a final sweep of what
 * they made. Call it at the top level of a spec file; a test fails when its rule is shown broken
 * (the message names the counterexample) and is skipped when not applicable or inconclusive.
 *
 * @example
 * ```ts
 * // test/ec2.conformance.spec.ts
 * import { conformanceTests } from 'ec2-idempotency-conformance';
 * import plugin from '../my-plugin.ts';
 * conformanceTests({ plugins: [plugin], actions: ['CreateFlowLogs'], runs: 10 });
 * ```
 */
export function conformanceTests(options: ConformanceTestsOptions = {}): void {
  const activation = activatePlugins(options.plugins ?? [], { allowOverride: options.allowOverride === true });
  const actions: readonly ActionName[] = options.actions ?? options.target?.actions ?? DEFAULT_ACTIONS;
  const only = options.only;
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const runId = newRunId();
  let prepared: PreparedRun | undefined;
  let embedded: EmbeddedTarget | undefined;
  const cases = selectCases(actions, only);
  defineRuleTests(
    cases,
    () => {
      if (!prepared) throw new Error('ec2-idempotency-conformance: the run was not prepared (its beforeAll failed)');
      return prepared.context;
    },
    {
      before: async () => {
        // The emulator answers as the profile's built-in base would (a plugin's profile has one).
        const profile = baseProfile(options.profile ?? options.target?.profile ?? 'seed');
        if (!options.target) embedded = await startEmbeddedTarget({ profile, seed, ...(options.bug ? { bug: options.bug } : {}) });
        const target = options.target ?? embedded!.target;
        prepared = prepareRun({
          target,
          embedded: embedded !== undefined,
          runId,
          seed,
          actions,
          ...(only ? { only } : {}),
          ...(options.runs === undefined ? {} : { runs: options.runs }),
          ...(options.profile ? { profile: options.profile } : {}),
          replayBase: `conformanceTests({ seed: ${seed} })`,
        });
      },
      after: async () => {
        await embedded?.emulator.close();
      },
    },
  );
  afterAll(() => activation.restore());
}
