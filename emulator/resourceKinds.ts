// Each VPC-side and EBS resource kind: which store table holds it, and the error EC2 answers when
// a request names an id of that kind that does not exist (REF-EVENTUAL-CONSISTENCY: also one that
// is too new to be seen yet).
import { Ec2Fault } from './errors.ts';
import { isNatGatewayGoneAt } from './natGateways.ts';
import type { LifecycleOptions } from './options.ts';
import type { ResourceTable, StoredResource } from './resourceTable.ts';
import type {
  EgressOnlyInternetGateway,
  ManagedPrefixList,
  NatGateway,
  NetworkAcl,
  NetworkInterface,
  RouteTable,
  SecurityGroup,
  Subnet,
  TrafficMirrorFilter,
  TrafficMirrorFilterRule,
  Volume,
  Vpc,
  VpcEndpoint,
} from './resources.ts';
import type { RegionStore } from './store.ts';

export interface ResourceKind<T extends StoredResource> {
  table(store: RegionStore): ResourceTable<T>;
  /** The answer to a request naming `ids`, none of which the caller can see. */
  notFound(ids: readonly string[]): Ec2Fault;
  /**
   * For a kind whose deleted resources stay listed for a while (NAT gateways): true once this one
   * has stopped being listed, so it answers as unknown. Absent: a resource is listed until removed.
   */
  goneAt?(resource: T, now: number, lifecycle: LifecycleOptions): boolean;
}

function quoted(ids: readonly string[]): string {
  return `'${ids.join(', ')}'`;
}

function kind<T extends StoredResource>(table: (store: RegionStore) => ResourceTable<T>, code: string, message: (ids: string) => string): ResourceKind<T> {
  return { table, notFound: (ids) => new Ec2Fault(code, message(quoted(ids))) };
}

export const VPCS = kind<Vpc>((s) => s.vpcs, 'InvalidVpcID.NotFound', (ids) => `The vpc ID ${ids} does not exist`);
export const SUBNETS = kind<Subnet>((s) => s.subnets, 'InvalidSubnetID.NotFound', (ids) => `The subnet ID ${ids} does not exist`);
export const SECURITY_GROUPS = kind<SecurityGroup>((s) => s.securityGroups, 'InvalidGroup.NotFound', (ids) => `The security group ${ids} does not exist`);
export const VOLUMES = kind<Volume>((s) => s.volumes, 'InvalidVolume.NotFound', (ids) => `The volume ${ids} does not exist.`);
export const NETWORK_INTERFACES = kind<NetworkInterface>(
  (s) => s.networkInterfaces,
  'InvalidNetworkInterfaceID.NotFound',
  (ids) => `The networkInterface ID ${ids} does not exist`,
);
export const ROUTE_TABLES = kind<RouteTable>((s) => s.routeTables, 'InvalidRouteTableID.NotFound', (ids) => `The routeTable ID ${ids} does not exist`);
export const NETWORK_ACLS = kind<NetworkAcl>((s) => s.networkAcls, 'InvalidNetworkAclID.NotFound', (ids) => `The networkAcl ID ${ids} does not exist`);
// EC2's error-code reference names this code for an unknown egress-only gateway; moto answers
// InvalidGatewayID.NotFound, the code of CreateRoute naming an unknown gateway.
export const EGRESS_ONLY_INTERNET_GATEWAYS = kind<EgressOnlyInternetGateway>(
  (s) => s.egressOnlyInternetGateways,
  'InvalidEgressOnlyInternetGatewayId.NotFound',
  (ids) => `The egress-only internet gateway ID ${ids} does not exist`,
);
export const PREFIX_LISTS = kind<ManagedPrefixList>((s) => s.prefixLists, 'InvalidPrefixListID.NotFound', (ids) => `The prefix list ID ${ids} does not exist.`);
export const TRAFFIC_MIRROR_FILTERS = kind<TrafficMirrorFilter>(
  (s) => s.trafficMirrorFilters,
  'InvalidTrafficMirrorFilterId.NotFound',
  (ids) => `The traffic mirror filter ID ${ids} does not exist.`,
);
export const TRAFFIC_MIRROR_FILTER_RULES = kind<TrafficMirrorFilterRule>(
  (s) => s.trafficMirrorFilterRules,
  'InvalidTrafficMirrorFilterRuleId.NotFound',
  (ids) => `The traffic mirror filter rule ID ${ids} does not exist.`,
);
export const VPC_ENDPOINTS = kind<VpcEndpoint>((s) => s.vpcEndpoints, 'InvalidVpcEndpointId.NotFound', (ids) => `The Vpc Endpoint Id ${ids} does not exist`);
export const NAT_GATEWAYS: ResourceKind<NatGateway> = {
  ...kind<NatGateway>((s) => s.natGateways, 'NatGatewayNotFound', (ids) => `The NAT gateway ${ids} was not found`),
  goneAt: isNatGatewayGoneAt,
};
