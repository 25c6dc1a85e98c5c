import type { TokenActionName } from '../target.ts';
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
