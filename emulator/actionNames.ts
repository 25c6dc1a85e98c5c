// The names of the actions the emulator serves, apart from their handlers (router.ts), so that
// what only needs the names (plugins' clash checks, `ec2-idem actions`) does not load the emulator.

export const BUILTIN_ACTION_NAMES = [
  'RunInstances',
  'CreateLaunchTemplate',
  'DescribeInstances',
  'TerminateInstances',
  'DescribeRegions',
  'DescribeAvailabilityZones',
  'DescribeLaunchTemplates',
  'DeleteLaunchTemplate',
  'CreateLaunchTemplateVersion',
  'DescribeLaunchTemplateVersions',
  'DeleteLaunchTemplateVersions',
  'CreateVolume',
  'DescribeVolumes',
  'DeleteVolume',
  'CreateNetworkInterface',
  'DescribeNetworkInterfaces',
  'DeleteNetworkInterface',
  'CreateRouteTable',
  'DescribeRouteTables',
  'DeleteRouteTable',
  'CreateNetworkAcl',
  'DescribeNetworkAcls',
  'DeleteNetworkAcl',
  'CreateEgressOnlyInternetGateway',
  'DescribeEgressOnlyInternetGateways',
  'DeleteEgressOnlyInternetGateway',
  'CreateManagedPrefixList',
  'DescribeManagedPrefixLists',
  'GetManagedPrefixListEntries',
  'DeleteManagedPrefixList',
  'CreateTrafficMirrorFilter',
  'DescribeTrafficMirrorFilters',
  'DeleteTrafficMirrorFilter',
  'CreateTrafficMirrorFilterRule',
  'DescribeTrafficMirrorFilterRules',
  'DeleteTrafficMirrorFilterRule',
  'CreateVpcEndpoint',
  'DescribeVpcEndpoints',
  'DeleteVpcEndpoints',
  'CreateNatGateway',
  'DescribeNatGateways',
  'DeleteNatGateway',
  'CreateVpc',
  'DescribeVpcs',
  'DeleteVpc',
  'CreateSubnet',
  'DescribeSubnets',
  'DeleteSubnet',
  'CreateSecurityGroup',
  'DescribeSecurityGroups',
  'DeleteSecurityGroup',
] as const;

export type BuiltinActionName = (typeof BUILTIN_ACTION_NAMES)[number];

const NAMES: ReadonlySet<string> = new Set(BUILTIN_ACTION_NAMES);

/** Whether the emulator serves this action itself. */
export function isBuiltinEmulatorAction(name: string): boolean {
  return NAMES.has(name);
}
