// What still uses a VPC, subnet or security group, so that deleting it answers DependencyViolation
// as EC2 does. The resources EC2 creates with a VPC (default group, main route table, default ACL)
// do not count: they go with the VPC.
import type { Instance, RegionStore } from './store.ts';
import type { SecurityGroup, Subnet, Vpc } from './resources.ts';

function liveInstances(store: RegionStore): Instance[] {
  return [...store.allInstances()].filter((instance) => instance.terminatedAt === undefined);
}

export function vpcHasDependents(store: RegionStore, vpc: Vpc): boolean {
  const inVpc = (resource: { vpcId: string }): boolean => resource.vpcId === vpc.id;
  return (
    [...store.subnets.values()].some(inVpc) ||
    [...store.securityGroups.values()].some((group) => inVpc(group) && group.id !== vpc.defaultSecurityGroupId) ||
    [...store.routeTables.values()].some((table) => inVpc(table) && table.id !== vpc.mainRouteTableId) ||
    [...store.networkAcls.values()].some((acl) => inVpc(acl) && acl.id !== vpc.defaultNetworkAclId) ||
    [...store.egressOnlyInternetGateways.values()].some(inVpc) ||
    [...store.vpcEndpoints.values()].some(inVpc) ||
    [...store.networkInterfaces.values()].some(inVpc)
  );
}

export function subnetHasDependents(store: RegionStore, subnet: Subnet): boolean {
  return (
    [...store.networkInterfaces.values()].some((eni) => eni.subnetId === subnet.id) ||
    liveInstances(store).some((instance) => instance.subnetId === subnet.id)
  );
}

export function securityGroupHasDependents(store: RegionStore, group: SecurityGroup): boolean {
  const uses = (groups: readonly { groupId: string }[]): boolean => groups.some((ref) => ref.groupId === group.id);
  return [...store.networkInterfaces.values()].some((eni) => uses(eni.groups)) || liveInstances(store).some((instance) => uses(instance.groups));
}
