// What still uses a VPC, subnet or security group, so that deleting it answers DependencyViolation
// as EC2 does. The resources EC2 creates with a VPC (default group, main route table, default ACL)
// do not count: they go with the VPC. A NAT gateway counts until it is `deleted`, which depends on
// the clock, hence `at`.
import { natGatewayHoldsSubnetAt } from './natGateways.ts';
import type { LifecycleOptions } from './options.ts';
import type { Instance, RegionStore } from './store.ts';
import type { NatGateway, SecurityGroup, Subnet, Vpc } from './resources.ts';

/** The moment a dependency is judged at. */
export interface DependencyTime {
  now: number;
  lifecycle: LifecycleOptions;
}

function natGatewaysNotDeleted(store: RegionStore, at: DependencyTime): NatGateway[] {
  return [...store.natGateways.values()].filter((gateway) => natGatewayHoldsSubnetAt(gateway, at.now, at.lifecycle));
}

function liveInstances(store: RegionStore): Instance[] {
  return [...store.allInstances()].filter((instance) => instance.terminatedAt === undefined);
}

export function vpcHasDependents(store: RegionStore, vpc: Vpc, at: DependencyTime): boolean {
  const inVpc = (resource: { vpcId: string }): boolean => resource.vpcId === vpc.id;
  return (
    [...store.subnets.values()].some(inVpc) ||
    [...store.securityGroups.values()].some((group) => inVpc(group) && group.id !== vpc.defaultSecurityGroupId) ||
    [...store.routeTables.values()].some((table) => inVpc(table) && table.id !== vpc.mainRouteTableId) ||
    [...store.networkAcls.values()].some((acl) => inVpc(acl) && acl.id !== vpc.defaultNetworkAclId) ||
    [...store.egressOnlyInternetGateways.values()].some(inVpc) ||
    [...store.vpcEndpoints.values()].some(inVpc) ||
    [...store.networkInterfaces.values()].some(inVpc) ||
    natGatewaysNotDeleted(store, at).some(inVpc)
  );
}

export function subnetHasDependents(store: RegionStore, subnet: Subnet, at: DependencyTime): boolean {
  return (
    [...store.networkInterfaces.values()].some((eni) => eni.subnetId === subnet.id) ||
    liveInstances(store).some((instance) => instance.subnetId === subnet.id) ||
    natGatewaysNotDeleted(store, at).some((gateway) => gateway.subnetId === subnet.id)
  );
}

export function securityGroupHasDependents(store: RegionStore, group: SecurityGroup): boolean {
  const uses = (groups: readonly { groupId: string }[]): boolean => groups.some((ref) => ref.groupId === group.id);
  return [...store.networkInterfaces.values()].some((eni) => uses(eni.groups)) || liveInstances(store).some((instance) => uses(instance.groups));
}
