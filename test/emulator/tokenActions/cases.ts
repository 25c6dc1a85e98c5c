// One description per token-taking action added beside RunInstances and CreateLaunchTemplate:
// how to create it (and its parents), change it, find it, delete it, and what EC2 answers for it
// once it is gone. tokenActions.spec.ts runs the same checks on every case.
import type { Answer, InProcessEmulator, Params } from '../support/inProcess.ts';
import { items } from '../support/inProcess.ts';

export interface TokenActionCase {
  action: string;
  tokenLimit: number;
  /** The answer carries `<clientToken>`. */
  echoesToken: boolean;
  /** The TagSpecification ResourceType; undefined when the action takes no tags. */
  tagType: string | undefined;
  /**
   * Creates what the resource needs and returns the parameters that name it; calls `settle` after
   * each parent it creates, so a test with a listing delay can let the parent become visible.
   */
  setup?(emulator: InProcessEmulator, settle: () => void): Promise<Params>;
  /** A valid create, without ClientToken (setup's parameters are merged in). */
  params: Params;
  /** One changed parameter that makes a same-token request a mismatch. */
  change: Params;
  /** The created resource's id in a success answer. */
  idOf(body: any): string;
  describeById(id: string, parents: Params): Params;
  describeAll(parents: Params): Params;
  listedIds(body: any): string[];
  deleteById(id: string, parents: Params): Params;
  /** What describe-by-id and delete answer for an id that is gone or unknown. */
  notFound: string;
  /** How a delete of an unknown id reports it, when that is a 200 with an error item rather than an error. */
  deleteNotFound?(answer: Answer): string | undefined;
  /**
   * For a kind EC2 keeps listing for a while after its delete (NAT gateways, about an hour): the
   * state a describe-by-id answer shows. Until then describe shows it deleting or deleted rather
   * than NotFound, and a second delete succeeds.
   */
  lingeringState?(body: any): string | undefined;
}

export function tagged(type: string, key: string, value: string): Params {
  return { 'TagSpecification.1.ResourceType': type, 'TagSpecification.1.Tag.1.Key': key, 'TagSpecification.1.Tag.1.Value': value };
}

/** Calls and insists on a 200. */
export async function ok(emulator: InProcessEmulator, params: Params): Promise<any> {
  const answer = await emulator.call(params);
  if (answer.status !== 200) throw new Error(`${String(params.Action)} failed: ${answer.code} ${answer.xml}`);
  return answer.body;
}

async function templateParents(emulator: InProcessEmulator, settle: () => void): Promise<Params> {
  const body = await ok(emulator, { Action: 'CreateLaunchTemplate', LaunchTemplateName: 'versioned', 'LaunchTemplateData.ImageId': 'ami-12345678' });
  settle();
  return { LaunchTemplateId: body.launchTemplate.launchTemplateId };
}

async function vpcParents(emulator: InProcessEmulator, settle: () => void): Promise<{ VpcId: string }> {
  const VpcId: string = (await ok(emulator, { Action: 'CreateVpc', CidrBlock: '10.0.0.0/16' })).vpc.vpcId;
  settle();
  return { VpcId };
}

async function subnetParents(emulator: InProcessEmulator, settle: () => void): Promise<Params> {
  const { VpcId } = await vpcParents(emulator, settle);
  const SubnetId: string = (await ok(emulator, { Action: 'CreateSubnet', VpcId, CidrBlock: '10.0.0.0/24' })).subnet.subnetId;
  settle();
  return { SubnetId };
}

async function filterParents(emulator: InProcessEmulator, settle: () => void): Promise<Params> {
  const TrafficMirrorFilterId: string = (await ok(emulator, { Action: 'CreateTrafficMirrorFilter' })).trafficMirrorFilter.trafficMirrorFilterId;
  settle();
  return { TrafficMirrorFilterId };
}

export const CASES: readonly TokenActionCase[] = [
  {
    action: 'CreateLaunchTemplateVersion',
    tokenLimit: 128,
    echoesToken: false,
    tagType: undefined,
    setup: templateParents,
    params: { 'LaunchTemplateData.InstanceType': 't3.micro', VersionDescription: 'second' },
    change: { 'LaunchTemplateData.InstanceType': 'm5.large' },
    idOf: (body) => body.launchTemplateVersion.versionNumber,
    describeById: (id, parents) => ({ Action: 'DescribeLaunchTemplateVersions', ...parents, 'LaunchTemplateVersion.1': id }),
    describeAll: (parents) => ({ Action: 'DescribeLaunchTemplateVersions', ...parents }),
    listedIds: (body) => items(body.launchTemplateVersionSet).map((version) => version.versionNumber),
    deleteById: (id, parents) => ({ Action: 'DeleteLaunchTemplateVersions', ...parents, 'LaunchTemplateVersion.1': id }),
    notFound: 'InvalidLaunchTemplateId.VersionNotFound',
    deleteNotFound: (answer) => items(answer.body.unsuccessfullyDeletedLaunchTemplateVersionSet)[0]?.responseError?.code,
  },
  {
    action: 'CreateVolume',
    tokenLimit: 64,
    echoesToken: false,
    tagType: 'volume',
    params: { AvailabilityZone: 'us-east-1a', Size: 8, VolumeType: 'gp3' },
    change: { Size: 9 },
    idOf: (body) => body.volumeId,
    describeById: (id) => ({ Action: 'DescribeVolumes', 'VolumeId.1': id }),
    describeAll: () => ({ Action: 'DescribeVolumes' }),
    listedIds: (body) => items(body.volumeSet).map((volume) => volume.volumeId),
    deleteById: (id) => ({ Action: 'DeleteVolume', VolumeId: id }),
    notFound: 'InvalidVolume.NotFound',
  },
  {
    action: 'CreateNetworkInterface',
    tokenLimit: 64,
    echoesToken: true,
    tagType: 'network-interface',
    setup: subnetParents,
    params: { Description: 'eni' },
    change: { Description: 'other' },
    idOf: (body) => body.networkInterface.networkInterfaceId,
    describeById: (id) => ({ Action: 'DescribeNetworkInterfaces', 'NetworkInterfaceId.1': id }),
    describeAll: () => ({ Action: 'DescribeNetworkInterfaces' }),
    listedIds: (body) => items(body.networkInterfaceSet).map((eni) => eni.networkInterfaceId),
    deleteById: (id) => ({ Action: 'DeleteNetworkInterface', NetworkInterfaceId: id }),
    notFound: 'InvalidNetworkInterfaceID.NotFound',
  },
  {
    action: 'CreateRouteTable',
    tokenLimit: 64,
    echoesToken: true,
    tagType: 'route-table',
    setup: vpcParents,
    params: {},
    change: tagged('route-table', 'changed', 'yes'),
    idOf: (body) => body.routeTable.routeTableId,
    describeById: (id) => ({ Action: 'DescribeRouteTables', 'RouteTableId.1': id }),
    describeAll: () => ({ Action: 'DescribeRouteTables' }),
    listedIds: (body) => items(body.routeTableSet).map((table) => table.routeTableId),
    deleteById: (id) => ({ Action: 'DeleteRouteTable', RouteTableId: id }),
    notFound: 'InvalidRouteTableID.NotFound',
  },
  {
    action: 'CreateNetworkAcl',
    tokenLimit: 64,
    echoesToken: true,
    tagType: 'network-acl',
    setup: vpcParents,
    params: {},
    change: tagged('network-acl', 'changed', 'yes'),
    idOf: (body) => body.networkAcl.networkAclId,
    describeById: (id) => ({ Action: 'DescribeNetworkAcls', 'NetworkAclId.1': id }),
    describeAll: () => ({ Action: 'DescribeNetworkAcls' }),
    listedIds: (body) => items(body.networkAclSet).map((acl) => acl.networkAclId),
    deleteById: (id) => ({ Action: 'DeleteNetworkAcl', NetworkAclId: id }),
    notFound: 'InvalidNetworkAclID.NotFound',
  },
  {
    action: 'CreateEgressOnlyInternetGateway',
    tokenLimit: 64,
    echoesToken: true,
    tagType: 'egress-only-internet-gateway',
    setup: vpcParents,
    params: {},
    change: tagged('egress-only-internet-gateway', 'changed', 'yes'),
    idOf: (body) => body.egressOnlyInternetGateway.egressOnlyInternetGatewayId,
    describeById: (id) => ({ Action: 'DescribeEgressOnlyInternetGateways', 'EgressOnlyInternetGatewayId.1': id }),
    describeAll: () => ({ Action: 'DescribeEgressOnlyInternetGateways' }),
    listedIds: (body) => items(body.egressOnlyInternetGatewaySet).map((gateway) => gateway.egressOnlyInternetGatewayId),
    deleteById: (id) => ({ Action: 'DeleteEgressOnlyInternetGateway', EgressOnlyInternetGatewayId: id }),
    notFound: 'InvalidEgressOnlyInternetGatewayId.NotFound',
  },
  {
    action: 'CreateManagedPrefixList',
    tokenLimit: 255,
    echoesToken: false,
    tagType: 'prefix-list',
    params: { PrefixListName: 'office', MaxEntries: 5, AddressFamily: 'IPv4', 'Entry.1.Cidr': '192.0.2.0/24', 'Entry.1.Description': 'hq' },
    change: { MaxEntries: 6 },
    idOf: (body) => body.prefixList.prefixListId,
    describeById: (id) => ({ Action: 'DescribeManagedPrefixLists', 'PrefixListId.1': id }),
    describeAll: () => ({ Action: 'DescribeManagedPrefixLists' }),
    listedIds: (body) => items(body.prefixListSet).map((list) => list.prefixListId),
    deleteById: (id) => ({ Action: 'DeleteManagedPrefixList', PrefixListId: id }),
    notFound: 'InvalidPrefixListID.NotFound',
  },
  {
    action: 'CreateTrafficMirrorFilter',
    tokenLimit: 64,
    echoesToken: true,
    tagType: 'traffic-mirror-filter',
    params: { Description: 'mirror' },
    change: { Description: 'other' },
    idOf: (body) => body.trafficMirrorFilter.trafficMirrorFilterId,
    describeById: (id) => ({ Action: 'DescribeTrafficMirrorFilters', 'TrafficMirrorFilterId.1': id }),
    describeAll: () => ({ Action: 'DescribeTrafficMirrorFilters' }),
    listedIds: (body) => items(body.trafficMirrorFilterSet).map((filter) => filter.trafficMirrorFilterId),
    deleteById: (id) => ({ Action: 'DeleteTrafficMirrorFilter', TrafficMirrorFilterId: id }),
    notFound: 'InvalidTrafficMirrorFilterId.NotFound',
  },
  {
    action: 'CreateTrafficMirrorFilterRule',
    tokenLimit: 64,
    echoesToken: true,
    tagType: 'traffic-mirror-filter-rule',
    setup: filterParents,
    params: { TrafficDirection: 'ingress', RuleNumber: 100, RuleAction: 'accept', DestinationCidrBlock: '10.0.0.0/8', SourceCidrBlock: '0.0.0.0/0', Protocol: 6 },
    change: { RuleNumber: 200 },
    idOf: (body) => body.trafficMirrorFilterRule.trafficMirrorFilterRuleId,
    describeById: (id) => ({ Action: 'DescribeTrafficMirrorFilterRules', 'TrafficMirrorFilterRuleId.1': id }),
    describeAll: (parents) => ({ Action: 'DescribeTrafficMirrorFilterRules', ...parents }),
    listedIds: (body) => items(body.trafficMirrorFilterRuleSet).map((rule) => rule.trafficMirrorFilterRuleId),
    deleteById: (id) => ({ Action: 'DeleteTrafficMirrorFilterRule', TrafficMirrorFilterRuleId: id }),
    notFound: 'InvalidTrafficMirrorFilterRuleId.NotFound',
  },
  {
    action: 'CreateVpcEndpoint',
    tokenLimit: 64,
    echoesToken: true,
    tagType: 'vpc-endpoint',
    setup: vpcParents,
    params: { VpcEndpointType: 'Gateway', ServiceName: 'com.amazonaws.us-east-1.s3' },
    change: { PolicyDocument: '{"Statement":[]}' },
    idOf: (body) => body.vpcEndpoint.vpcEndpointId,
    describeById: (id) => ({ Action: 'DescribeVpcEndpoints', 'VpcEndpointId.1': id }),
    describeAll: () => ({ Action: 'DescribeVpcEndpoints' }),
    listedIds: (body) => items(body.vpcEndpointSet).map((endpoint) => endpoint.vpcEndpointId),
    deleteById: (id) => ({ Action: 'DeleteVpcEndpoints', 'VpcEndpointId.1': id }),
    notFound: 'InvalidVpcEndpointId.NotFound',
    deleteNotFound: (answer) => items(answer.body.unsuccessful)[0]?.error?.code,
  },
  {
    action: 'CreateNatGateway',
    tokenLimit: 64,
    echoesToken: true,
    tagType: 'natgateway',
    setup: subnetParents,
    params: { ConnectivityType: 'private' },
    change: { PrivateIpAddress: '10.0.0.100' },
    idOf: (body) => body.natGateway.natGatewayId,
    describeById: (id) => ({ Action: 'DescribeNatGateways', 'NatGatewayId.1': id }),
    describeAll: () => ({ Action: 'DescribeNatGateways' }),
    listedIds: (body) => items(body.natGatewaySet).map((gateway) => gateway.natGatewayId),
    deleteById: (id) => ({ Action: 'DeleteNatGateway', NatGatewayId: id }),
    notFound: 'NatGatewayNotFound',
    lingeringState: (body) => items(body.natGatewaySet)[0]?.state,
  },
];
