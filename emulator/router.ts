// Stage 4: Action → handler. Token-taking actions are wrapped once by the idempotency layer here.
import { createEgressOnlyInternetGateway } from './actions/createEgressOnlyInternetGateway.ts';
import { createLaunchTemplate } from './actions/createLaunchTemplate.ts';
import { createLaunchTemplateVersion } from './actions/createLaunchTemplateVersion.ts';
import { createManagedPrefixList } from './actions/createManagedPrefixList.ts';
import { createNatGateway } from './actions/createNatGateway.ts';
import { createNetworkAcl } from './actions/createNetworkAcl.ts';
import { createNetworkInterface } from './actions/createNetworkInterface.ts';
import { createRouteTable } from './actions/createRouteTable.ts';
import { createSecurityGroup } from './actions/createSecurityGroup.ts';
import { createSubnet } from './actions/createSubnet.ts';
import { createTrafficMirrorFilter } from './actions/createTrafficMirrorFilter.ts';
import { createTrafficMirrorFilterRule } from './actions/createTrafficMirrorFilterRule.ts';
import { createVolume } from './actions/createVolume.ts';
import { createVpc } from './actions/createVpc.ts';
import { createVpcEndpoint } from './actions/createVpcEndpoint.ts';
import { deleteEgressOnlyInternetGateway } from './actions/deleteEgressOnlyInternetGateway.ts';
import { deleteLaunchTemplate } from './actions/deleteLaunchTemplate.ts';
import { deleteLaunchTemplateVersions } from './actions/deleteLaunchTemplateVersions.ts';
import { deleteManagedPrefixList } from './actions/deleteManagedPrefixList.ts';
import { deleteNatGateway } from './actions/deleteNatGateway.ts';
import { deleteNetworkAcl } from './actions/deleteNetworkAcl.ts';
import { deleteNetworkInterface } from './actions/deleteNetworkInterface.ts';
import { deleteRouteTable } from './actions/deleteRouteTable.ts';
import { deleteSecurityGroup } from './actions/deleteSecurityGroup.ts';
import { deleteSubnet } from './actions/deleteSubnet.ts';
import { deleteTrafficMirrorFilter } from './actions/deleteTrafficMirrorFilter.ts';
import { deleteTrafficMirrorFilterRule } from './actions/deleteTrafficMirrorFilterRule.ts';
import { deleteVolume } from './actions/deleteVolume.ts';
import { deleteVpc } from './actions/deleteVpc.ts';
import { deleteVpcEndpoints } from './actions/deleteVpcEndpoints.ts';
import { describeAvailabilityZones } from './actions/describeAvailabilityZones.ts';
import { describeEgressOnlyInternetGateways } from './actions/describeEgressOnlyInternetGateways.ts';
import { describeInstances } from './actions/describeInstances.ts';
import { describeLaunchTemplateVersions } from './actions/describeLaunchTemplateVersions.ts';
import { describeLaunchTemplates } from './actions/describeLaunchTemplates.ts';
import { describeManagedPrefixLists } from './actions/describeManagedPrefixLists.ts';
import { describeNatGateways } from './actions/describeNatGateways.ts';
import { describeNetworkAcls } from './actions/describeNetworkAcls.ts';
import { describeNetworkInterfaces } from './actions/describeNetworkInterfaces.ts';
import { describeRegions } from './actions/describeRegions.ts';
import { describeRouteTables } from './actions/describeRouteTables.ts';
import { describeSecurityGroups } from './actions/describeSecurityGroups.ts';
import { describeSubnets } from './actions/describeSubnets.ts';
import { describeTrafficMirrorFilterRules } from './actions/describeTrafficMirrorFilterRules.ts';
import { describeTrafficMirrorFilters } from './actions/describeTrafficMirrorFilters.ts';
import { describeVolumes } from './actions/describeVolumes.ts';
import { describeVpcEndpoints } from './actions/describeVpcEndpoints.ts';
import { describeVpcs } from './actions/describeVpcs.ts';
import { getManagedPrefixListEntries } from './actions/getManagedPrefixListEntries.ts';
import { runInstances } from './actions/runInstances.ts';
import { terminateInstances } from './actions/terminateInstances.ts';
import type { ActionHandler } from './context.ts';
import { Ec2Fault } from './errors.ts';
import { idempotentHandler } from './idempotency.ts';
import type { BuiltinActionName } from './actionNames.ts';

/** Action name → handler. */
export type ActionTable = Readonly<Record<string, ActionHandler>>;

// Typed by the list of names (actionNames.ts): a handler without its name there, or a name
// without a handler, does not compile.
export const BUILTIN_ACTIONS: Readonly<Record<BuiltinActionName, ActionHandler>> = {
  RunInstances: idempotentHandler(runInstances),
  CreateLaunchTemplate: idempotentHandler(createLaunchTemplate),
  DescribeInstances: describeInstances,
  TerminateInstances: terminateInstances,
  DescribeRegions: describeRegions,
  DescribeAvailabilityZones: describeAvailabilityZones,
  DescribeLaunchTemplates: describeLaunchTemplates,
  DeleteLaunchTemplate: deleteLaunchTemplate,
  CreateLaunchTemplateVersion: idempotentHandler(createLaunchTemplateVersion),
  DescribeLaunchTemplateVersions: describeLaunchTemplateVersions,
  DeleteLaunchTemplateVersions: deleteLaunchTemplateVersions,
  CreateVolume: idempotentHandler(createVolume),
  DescribeVolumes: describeVolumes,
  DeleteVolume: deleteVolume,
  CreateNetworkInterface: idempotentHandler(createNetworkInterface),
  DescribeNetworkInterfaces: describeNetworkInterfaces,
  DeleteNetworkInterface: deleteNetworkInterface,
  CreateRouteTable: idempotentHandler(createRouteTable),
  DescribeRouteTables: describeRouteTables,
  DeleteRouteTable: deleteRouteTable,
  CreateNetworkAcl: idempotentHandler(createNetworkAcl),
  DescribeNetworkAcls: describeNetworkAcls,
  DeleteNetworkAcl: deleteNetworkAcl,
  CreateEgressOnlyInternetGateway: idempotentHandler(createEgressOnlyInternetGateway),
  DescribeEgressOnlyInternetGateways: describeEgressOnlyInternetGateways,
  DeleteEgressOnlyInternetGateway: deleteEgressOnlyInternetGateway,
  CreateManagedPrefixList: idempotentHandler(createManagedPrefixList),
  DescribeManagedPrefixLists: describeManagedPrefixLists,
  GetManagedPrefixListEntries: getManagedPrefixListEntries,
  DeleteManagedPrefixList: deleteManagedPrefixList,
  CreateTrafficMirrorFilter: idempotentHandler(createTrafficMirrorFilter),
  DescribeTrafficMirrorFilters: describeTrafficMirrorFilters,
  DeleteTrafficMirrorFilter: deleteTrafficMirrorFilter,
  CreateTrafficMirrorFilterRule: idempotentHandler(createTrafficMirrorFilterRule),
  DescribeTrafficMirrorFilterRules: describeTrafficMirrorFilterRules,
  DeleteTrafficMirrorFilterRule: deleteTrafficMirrorFilterRule,
  CreateVpcEndpoint: idempotentHandler(createVpcEndpoint),
  DescribeVpcEndpoints: describeVpcEndpoints,
  DeleteVpcEndpoints: deleteVpcEndpoints,
  CreateNatGateway: idempotentHandler(createNatGateway),
  DescribeNatGateways: describeNatGateways,
  DeleteNatGateway: deleteNatGateway,
  // Fixtures the suite sets the VPC-side actions up with; they take no ClientToken.
  CreateVpc: createVpc,
  DescribeVpcs: describeVpcs,
  DeleteVpc: deleteVpc,
  CreateSubnet: createSubnet,
  DescribeSubnets: describeSubnets,
  DeleteSubnet: deleteSubnet,
  CreateSecurityGroup: createSecurityGroup,
  DescribeSecurityGroups: describeSecurityGroups,
  DeleteSecurityGroup: deleteSecurityGroup,
};

export function route(actions: ActionTable, action: string | undefined): ActionHandler {
  if (action === undefined || action === '') {
    throw new Ec2Fault('MissingAction', 'The request must contain the parameter Action');
  }
  if (!Object.hasOwn(actions, action)) {
    throw new Ec2Fault('InvalidAction', `The action ${action} is not valid for this web service.`);
  }
  return actions[action]!;
}
