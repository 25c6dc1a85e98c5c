// DescribeNetworkInterfaces: by `NetworkInterfaceId.N` and filters, paginated (5–1000); `pending`
// turns `available` after the lifecycle's pending time. An interface a NAT gateway created is
// requester-managed and `in-use` for as long as it exists.
import type { RequestContext } from '../context.ts';
import { describeHandler } from '../describe.ts';
import { isCreatingAt } from '../lifecycle.ts';
import { networkInterfaceXml } from '../render/networkInterface.ts';
import { NETWORK_INTERFACES } from '../resourceKinds.ts';
import type { NetworkInterface } from '../resources.ts';

function statusAt(ctx: RequestContext, eni: NetworkInterface): string {
  if (eni.managedBy !== undefined) return 'in-use';
  return isCreatingAt(eni.createdAt, ctx.now(), ctx.runtime.options.lifecycle) ? 'pending' : 'available';
}

const privateIp = (eni: NetworkInterface): string => eni.privateIpAddress;

export const describeNetworkInterfaces = describeHandler<NetworkInterface>({
  kind: NETWORK_INTERFACES,
  idParam: 'NetworkInterfaceId',
  listElement: 'networkInterfaceSet',
  pageSize: [5, 1000],
  fields: (ctx) => ({
    'network-interface-id': (eni) => eni.id,
    'subnet-id': (eni) => eni.subnetId,
    'vpc-id': (eni) => eni.vpcId,
    'availability-zone': (eni) => eni.availabilityZone,
    description: (eni) => eni.description,
    'private-ip-address': privateIp,
    'addresses.private-ip-address': privateIp,
    'private-dns-name': (eni) => eni.privateDnsName,
    'mac-address': (eni) => eni.macAddress,
    'group-id': (eni) => eni.groups.map((group) => group.groupId),
    'group-name': (eni) => eni.groups.map((group) => group.groupName),
    'interface-type': (eni) => eni.interfaceType,
    'owner-id': (eni) => eni.ownerId,
    'requester-managed': (eni) => String(eni.managedBy !== undefined),
    'source-dest-check': (eni) => String(eni.managedBy === undefined),
    status: (eni) => statusAt(ctx, eni),
  }),
  render: (ctx, eni) => networkInterfaceXml(eni, ctx.identity.region, statusAt(ctx, eni)),
});
