import { HarnessError } from '../errors.ts';
import type { ActionName, TokenActionName } from '../target.ts';
import type { ActionAdapter } from './action.ts';
import { createEgressOnlyInternetGateway } from './createEgressOnlyInternetGateway.ts';
import { createLaunchTemplate } from './createLaunchTemplate.ts';
import { createLaunchTemplateVersion } from './createLaunchTemplateVersion.ts';
import { createManagedPrefixList } from './createManagedPrefixList.ts';
import { createNatGateway } from './createNatGateway.ts';
import { createNetworkAcl } from './createNetworkAcl.ts';
import { createNetworkInterface } from './createNetworkInterface.ts';
import { createRouteTable } from './createRouteTable.ts';
import { createTrafficMirrorFilter } from './createTrafficMirrorFilter.ts';
import { createVolume } from './createVolume.ts';
import { createVpcEndpoint } from './createVpcEndpoint.ts';
import { runInstances } from './runInstances.ts';

/** Every token-taking action the suite knows; adding one here makes every generic rule apply to it. */
export const ACTION_ADAPTERS: Readonly<Record<TokenActionName, ActionAdapter>> = {
  RunInstances: runInstances as ActionAdapter,
  CreateLaunchTemplate: createLaunchTemplate as ActionAdapter,
  CreateVolume: createVolume as ActionAdapter,
  CreateNetworkInterface: createNetworkInterface as ActionAdapter,
  CreateRouteTable: createRouteTable as ActionAdapter,
  CreateNetworkAcl: createNetworkAcl as ActionAdapter,
  CreateEgressOnlyInternetGateway: createEgressOnlyInternetGateway as ActionAdapter,
  CreateManagedPrefixList: createManagedPrefixList as ActionAdapter,
  CreateTrafficMirrorFilter: createTrafficMirrorFilter as ActionAdapter,
  CreateVpcEndpoint: createVpcEndpoint as ActionAdapter,
  CreateLaunchTemplateVersion: createLaunchTemplateVersion as ActionAdapter,
  CreateNatGateway: createNatGateway as ActionAdapter,
};

// The open side of the table: adapters plugins add (plugins/registry.ts sets them). Built-ins stay
// the default; a plugin adapter of a built-in's name replaces it only when the registry allowed it.
let pluginAdapters: ReadonlyMap<string, ActionAdapter> = new Map();

/** Sets the plugins' adapters (plugins/registry.ts, on activation); an empty map restores the built-ins alone. */
export function setPluginAdapters(adapters: ReadonlyMap<string, ActionAdapter>): void {
  pluginAdapters = adapters;
}

/** True when `name` has an adapter: a built-in action or a plugin's. */
export function isKnownAction(name: string): name is ActionName {
  return pluginAdapters.has(name) || Object.hasOwn(ACTION_ADAPTERS, name);
}

/** The adapter of a token-taking action, a plugin's first (an allowed override), then the built-in one. */
export function adapterFor(name: ActionName): ActionAdapter {
  const adapter = pluginAdapters.get(name) ?? (Object.hasOwn(ACTION_ADAPTERS, name) ? ACTION_ADAPTERS[name as TokenActionName] : undefined);
  if (adapter === undefined) throw new HarnessError('EC2IDEM_USAGE', `no adapter for action ${name} (known: ${knownActions().join(', ')})`);
  return adapter;
}

/** Every action with an adapter: the built-in ones in their order, then the plugins' new ones. */
export function knownActions(): ActionName[] {
  return [...Object.keys(ACTION_ADAPTERS), ...[...pluginAdapters.keys()].filter((name) => !Object.hasOwn(ACTION_ADAPTERS, name))];
}
