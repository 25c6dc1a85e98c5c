/**
 * The reference EC2 emulator, for embedding: {@link startEmulator} listens on a port,
 * {@link createEmulatorHandler} returns a `node:http` request listener (and an in-process
 * `handle`) without listening. Plugins' emulator actions are served next to the built-in ones,
 * token-taking ones through the emulator's one idempotency layer, so a plugin action replays,
 * mismatches, scopes and retains tokens exactly as the built-in actions do.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createEmulatorHandler } from 'ec2-idempotency-conformance/emulator';
 * const handler = createEmulatorHandler({ regions: ['us-east-1'] }, { plugins: [myPlugin] });
 * createServer(handler.listener).listen(8787);
 * ```
 * @packageDocumentation
 */
import {
  createEmulatorHandler as createCoreHandler,
  startEmulator as startCoreEmulator,
  type EmulatorHandler,
  type EmulatorOptions,
  type RunningEmulator,
} from '../emulator/server.ts';
import { pluginEmulatorSetup } from '../plugins/emulatorActions.ts';
import type { Plugin } from '../plugins/plugin.ts';

export type { EmulatorHandler, EmulatorOptions, EmulatorStats, RawHttpRequest, RawHttpResponse, RunningEmulator } from '../emulator/server.ts';
export type { ActionHandler, RequestContext } from '../emulator/context.ts';
export type { IdempotentAction, TokenQuirks } from '../emulator/idempotency.ts';
export { Ec2Fault } from '../emulator/errors.ts';

/** What the public emulator entry points take beyond the emulator's own options. */
export interface EmulatorPluginOptions {
  /** Plugins whose `emulatorActions` (and seeded `bugs`) the emulator serves. @defaultValue none */
  readonly plugins?: readonly Plugin[];
  /** Let a plugin's action replace a built-in action of the same name. @defaultValue false: an Error */
  readonly allowOverride?: boolean;
}

/**
 * Options for the public emulator: the emulator's own, except that `bug` may also name a seeded
 * bug one of the plugins brings.
 */
export type PublicEmulatorOptions = Omit<EmulatorOptions, 'bug'> & { readonly bug?: string };

/**
 * Builds the emulator's request handling without listening: `listener` is a `node:http`
 * request listener, `handle` the same handling without HTTP. Options are validated first (an
 * Error names the bad field); a plugin action that shadows a built-in one is an Error unless
 * `allowOverride` is set.
 */
export function createEmulatorHandler(options: PublicEmulatorOptions = {}, extra: EmulatorPluginOptions = {}): EmulatorHandler {
  const setup = pluginEmulatorSetup(extra.plugins ?? [], options, extra.allowOverride === true);
  return createCoreHandler(setup.options, setup.actions);
}

/** Starts the reference EC2 emulator (with the plugins' actions) and resolves once it listens. */
export async function startEmulator(options: PublicEmulatorOptions = {}, extra: EmulatorPluginOptions = {}): Promise<RunningEmulator> {
  const setup = pluginEmulatorSetup(extra.plugins ?? [], options, extra.allowOverride === true);
  return startCoreEmulator(setup.options, setup.actions);
}
