// VPCs and subnets built the way EC2 builds them. A new VPC comes with a default security group, a
// main route table (one local route for the VPC's CIDR) and a default network ACL; they share the
// VPC's creation time and go when the VPC goes. Nothing here validates: callers check first.
import { blockSize, formatIpv4 } from './cidr.ts';
import type { Ipv4Block } from './cidr.ts';
import { newResourceId } from './ids.ts';
import { zoneIdOf } from './regions.ts';
import type { Subnet, Vpc } from './resources.ts';
import type { RegionStore, Tag } from './store.ts';

export interface VpcSpec {
  cidrBlock: string;
  isDefault: boolean;
  instanceTenancy: string;
  dhcpOptionsId: string;
  tags: readonly Tag[];
  createdAt: number;
}

export interface SubnetSpec {
  vpcId: string;
  cidr: Ipv4Block;
  availabilityZone: string;
  defaultForAz: boolean;
  tags: readonly Tag[];
  createdAt: number;
}

// EC2 keeps the first four and the last address of every subnet for itself.
const RESERVED_LOW = 4;
const RESERVED_TOTAL = 5;

export function addVpc(store: RegionStore, spec: VpcSpec): Vpc {
  const ownerId = store.accountId;
  const { createdAt } = spec;
  const vpc: Vpc = {
    id: newResourceId('vpc'),
    createdAt,
    ownerId,
    tags: spec.tags,
    cidrBlock: spec.cidrBlock,
    cidrAssociationId: newResourceId('vpc-cidr-assoc'),
    isDefault: spec.isDefault,
    dhcpOptionsId: spec.dhcpOptionsId,
    instanceTenancy: spec.instanceTenancy,
    defaultSecurityGroupId: newResourceId('sg'),
    mainRouteTableId: newResourceId('rtb'),
    defaultNetworkAclId: newResourceId('acl'),
  };
  store.vpcs.add(vpc);
  store.securityGroups.add({
    id: vpc.defaultSecurityGroupId,
    createdAt,
    ownerId,
    tags: [],
    groupName: 'default',
    description: 'default VPC security group',
    vpcId: vpc.id,
    isDefault: true,
  });
  store.routeTables.add({
    id: vpc.mainRouteTableId,
    createdAt,
    ownerId,
    tags: [],
    vpcId: vpc.id,
    mainAssociationId: newResourceId('rtbassoc'),
    routes: [{ destinationCidrBlock: vpc.cidrBlock, gatewayId: 'local', origin: 'CreateRouteTable' }],
  });
  store.networkAcls.add({ id: vpc.defaultNetworkAclId, createdAt, ownerId, tags: [], vpcId: vpc.id, isDefault: true });
  return vpc;
}

/** Removes the VPC and the resources that came with it (callers have checked it has no others). */
export function removeVpc(store: RegionStore, vpc: Vpc): void {
  store.securityGroups.delete(vpc.defaultSecurityGroupId);
  store.routeTables.delete(vpc.mainRouteTableId);
  store.networkAcls.delete(vpc.defaultNetworkAclId);
  store.vpcs.delete(vpc.id);
}

export function addSubnet(store: RegionStore, spec: SubnetSpec): Subnet {
  const subnet: Subnet = {
    id: newResourceId('subnet'),
    createdAt: spec.createdAt,
    ownerId: store.accountId,
    tags: spec.tags,
    vpcId: spec.vpcId,
    cidrBlock: `${formatIpv4(spec.cidr.base)}/${spec.cidr.prefix}`,
    availabilityZone: spec.availabilityZone,
    availabilityZoneId: zoneIdOf(store.region, spec.availabilityZone),
    defaultForAz: spec.defaultForAz,
    mapPublicIpOnLaunch: spec.defaultForAz,
    assignedAddresses: 0,
  };
  store.subnets.add(subnet);
  return subnet;
}

/** Addresses EC2 would still hand out in `subnet`. */
export function availableAddresses(subnet: Subnet, cidr: Ipv4Block): number {
  return Math.max(0, blockSize(cidr) - RESERVED_TOTAL - subnet.assignedAddresses);
}

/** The next unassigned address of `subnet` (past the reserved ones), or undefined when it is full. */
export function nextAddress(subnet: Subnet, cidr: Ipv4Block): number | undefined {
  if (availableAddresses(subnet, cidr) === 0) return undefined;
  subnet.assignedAddresses += 1;
  return cidr.base + RESERVED_LOW - 1 + subnet.assignedAddresses;
}
