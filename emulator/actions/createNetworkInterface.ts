// CreateNetworkInterface: an interface in an existing subnet, with the VPC's default security group
// unless groups are named, answered as `networkInterface` plus the `clientToken` echo. Token-taking,
// limit 64 (REF-TOKEN-FORM). The subnet and groups are looked up only when creating, so a replay
// answers even after they are gone.
import type { RequestContext } from '../context.ts';
import { parseIpv4Address } from '../cidr.ts';
import { Ec2Fault, invalidParameterValue } from '../errors.ts';
import { newResourceId } from '../ids.ts';
import type { IdempotentAction } from '../idempotency.ts';
import { interfaceAddress, macAddressFor, privateDnsName } from '../interfaceAddresses.ts';
import { findListed } from '../lookup.ts';
import { readList, requireString } from '../params.ts';
import { networkInterfaceXml } from '../render/networkInterface.ts';
import { SECURITY_GROUPS, SUBNETS, VPCS } from '../resourceKinds.ts';
import type { NetworkInterface, Subnet } from '../resources.ts';
import type { GroupRef, Tag } from '../store.ts';
import { readTagSpecifications } from '../tags.ts';
import type { Committed } from '../tokenTable.ts';

interface CreateInterfaceInput {
  subnetId: string;
  description: string;
  privateIpAddress: string | undefined;
  groupIds: string[];
  interfaceType: string;
  tags: Tag[];
}

const SECURITY_GROUP_ID = /^sg-[0-9a-f]{8,17}$/;
const INTERFACE_TYPES = ['interface', 'efa', 'efa-only', 'trunk'];

function validate(ctx: RequestContext): CreateInterfaceInput {
  const { params } = ctx;
  const subnetId = requireString(params, 'SubnetId');
  const description = params.get('Description') ?? '';
  if ([...description].length > 255) throw invalidParameterValue('Description is limited to 255 characters.');
  const privateIpAddress = params.get('PrivateIpAddress');
  if (privateIpAddress !== undefined && parseIpv4Address(privateIpAddress) === undefined) {
    throw invalidParameterValue(`Value (${privateIpAddress}) for parameter privateIpAddress is invalid.`);
  }
  const groupIds = [...new Set(readList(params, 'SecurityGroupId'))];
  const malformed = groupIds.find((id) => !SECURITY_GROUP_ID.test(id));
  if (malformed !== undefined) throw new Ec2Fault('InvalidGroupId.Malformed', `Invalid id: "${malformed}" (expecting "sg-...")`);
  const interfaceType = params.get('InterfaceType') ?? 'interface';
  if (!INTERFACE_TYPES.includes(interfaceType)) throw invalidParameterValue(`Value (${interfaceType}) for parameter interfaceType is invalid.`);
  const tags = readTagSpecifications(params, 'TagSpecification', ['network-interface']).get('network-interface') ?? [];
  return { subnetId, description, privateIpAddress, groupIds, interfaceType, tags };
}

function groupsFor(ctx: RequestContext, subnet: Subnet, ids: readonly string[]): GroupRef[] {
  if (ids.length === 0) {
    const vpc = findListed(ctx, VPCS, subnet.vpcId);
    const group = findListed(ctx, SECURITY_GROUPS, vpc.defaultSecurityGroupId);
    return [{ groupId: group.id, groupName: group.groupName }];
  }
  return ids.map((id) => {
    const group = findListed(ctx, SECURITY_GROUPS, id);
    if (group.vpcId !== subnet.vpcId) throw new Ec2Fault('InvalidParameter', `Security group ${id} and subnet ${subnet.id} belong to different networks.`);
    return { groupId: group.id, groupName: group.groupName };
  });
}

function create(ctx: RequestContext, input: CreateInterfaceInput, token: string | undefined): Committed {
  const { store } = ctx;
  const { region } = ctx.identity;
  const subnet = findListed(ctx, SUBNETS, input.subnetId);
  const groups = groupsFor(ctx, subnet, input.groupIds);
  const address = interfaceAddress(store, subnet, input.privateIpAddress);
  const id = newResourceId('eni');
  const eni: NetworkInterface = {
    id,
    createdAt: ctx.now(),
    ownerId: ctx.identity.accountId,
    tags: input.tags,
    subnetId: subnet.id,
    vpcId: subnet.vpcId,
    availabilityZone: subnet.availabilityZone,
    description: input.description,
    privateIpAddress: address,
    privateDnsName: privateDnsName(address, region),
    macAddress: macAddressFor(id),
    groups,
    interfaceType: input.interfaceType,
  };
  store.networkInterfaces.add(eni);
  const answer = { networkInterface: networkInterfaceXml(eni, region, 'pending'), clientToken: token };
  return { render: () => answer, isRetired: () => !store.networkInterfaces.has(id) };
}

export const createNetworkInterface: IdempotentAction<CreateInterfaceInput> = {
  name: 'CreateNetworkInterface',
  tokenLimit: 64,
  quirks: (bugs) => ({ retiredReplayCreates: bugs.on('eni-replay-after-delete-creates') }),
  validate,
  create,
};
