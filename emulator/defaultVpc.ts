// The default VPC every region of an account starts with (172.31.0.0/16, one /20 default subnet
// per availability zone), created at time 0 so no listing delay ever hides it.
import { parseIpv4Cidr } from './cidr.ts';
import { newResourceId } from './ids.ts';
import { addSubnet, addVpc } from './network.ts';
import { zonesOf } from './regions.ts';
import type { Vpc } from './resources.ts';
import type { GroupRef, RegionStore } from './store.ts';

export interface DefaultVpc {
  vpc: Vpc;
  securityGroup: GroupRef;
  subnetsByZone: ReadonlyMap<string, string>;
}

const DEFAULT_VPC_CIDR = '172.31.0.0/16';
const SUBNET_SIZE = 2 ** 12;

export function addDefaultVpc(store: RegionStore): DefaultVpc {
  const vpc = addVpc(store, {
    cidrBlock: DEFAULT_VPC_CIDR,
    isDefault: true,
    instanceTenancy: 'default',
    dhcpOptionsId: newResourceId('dopt'),
    tags: [],
    createdAt: 0,
  });
  const vpcBase = parseIpv4Cidr(DEFAULT_VPC_CIDR)!.base;
  const subnetsByZone = new Map<string, string>();
  zonesOf(store.region).forEach((zone, index) => {
    const cidr = { base: vpcBase + index * SUBNET_SIZE, prefix: 20 };
    const subnet = addSubnet(store, { vpcId: vpc.id, cidr, availabilityZone: zone, defaultForAz: true, tags: [], createdAt: 0 });
    subnetsByZone.set(zone, subnet.id);
  });
  return { vpc, securityGroup: { groupId: vpc.defaultSecurityGroupId, groupName: 'default' }, subnetsByZone };
}
