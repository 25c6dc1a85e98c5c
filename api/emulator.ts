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
export type { Committed } from '../emulator/tokenTable.ts';
export type { BugSwitch } from '../emulator/bugs.ts';

// The toolkit for a plugin's emulator actions: reading Query parameters, tags and filters (filter
// values are EC2 patterns), paging, answering lists and errors, and per-account-and-region state.
export { Ec2Fault, invalidParameterValue, missingParameter } from '../emulator/errors.ts';
export { readBoolean, readInteger, readList, readString, readStruct, readStructList, requireString, type Params } from '../emulator/params.ts';
export { readTagSpecifications } from '../emulator/tags.ts';
export type { Tag } from '../emulator/store.ts';
export { matchesFilters, readFilters, type Filter, type FilterFields } from '../emulator/filters.ts';
export { paginate, readPageRequest } from '../emulator/pagination.ts';
export { xmlList, xmlTextList, type XmlNode, type XmlValue } from '../emulator/xml.ts';
export { stopIfDryRun } from '../emulator/dryRun.ts';
export { regionState } from '../plugins/emulatorState.ts';
export { zonesOf } from '../emulator/regions.ts';

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
