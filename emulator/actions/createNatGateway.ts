// CreateNatGateway: a zonal NAT gateway in an existing subnet, answered as `clientToken` plus
// `natGateway` (state `pending`). Token-taking, limit 64 (REF-TOKEN-FORM). Like EC2, the gateway
// creates its own network interface in the subnet, with the asked private address or the subnet's
// next free one; that interface is listed by DescribeNetworkInterfaces and goes with the gateway.
// The emulator has no Elastic IPs: a public gateway needs an allocation, and every allocation id
// is unknown, so only private gateways can be created. Secondary addresses and regional gateways
// are refused rather than silently ignored.
import type { RequestContext } from '../context.ts';
import { parseIpv4Address } from '../cidr.ts';
import { Ec2Fault, invalidParameterValue, missingParameter } from '../errors.ts';
import { newResourceId } from '../ids.ts';
import type { IdempotentAction } from '../idempotency.ts';
import { interfaceAddress, macAddressFor, privateDnsName } from '../interfaceAddresses.ts';
import { findListed } from '../lookup.ts';
import { readList, readStructList, requireString } from '../params.ts';
import { natGatewayXml } from '../render/natGateway.ts';
import { SUBNETS } from '../resourceKinds.ts';
import type { NatGateway, NetworkInterface } from '../resources.ts';
import type { Tag } from '../store.ts';
import { readTagSpecifications } from '../tags.ts';
import type { Committed } from '../tokenTable.ts';

interface CreateNatGatewayInput {
  subnetId: string;
  connectivityType: 'public' | 'private';
  allocationId: string | undefined;
  privateIpAddress: string | undefined;
  tags: Tag[];
}

function refuseUnmodelled(ctx: RequestContext): void {
  const { params } = ctx;
  const mode = params.get('AvailabilityMode');
  const regional = (mode !== undefined && mode !== 'zonal') || params.has('VpcId') || readStructList(params, 'AvailabilityZoneAddress').length > 0;
  if (regional) throw invalidParameterValue('This emulator creates zonal NAT gateways only: give SubnetId, without AvailabilityMode=regional, VpcId or AvailabilityZoneAddress.');
  const secondary = ['SecondaryAllocationId', 'SecondaryPrivateIpAddress'].find((name) => readList(params, name).length > 0) ?? (params.has('SecondaryPrivateIpAddressCount') ? 'SecondaryPrivateIpAddressCount' : undefined);
  if (secondary !== undefined) throw invalidParameterValue(`${secondary} is not supported by this emulator: a NAT gateway here has its primary private address only.`);
}

function readConnectivityType(ctx: RequestContext): 'public' | 'private' {
  const value = ctx.params.get('ConnectivityType') ?? 'public';
  if (value !== 'public' && value !== 'private') throw invalidParameterValue(`Value (${value}) for parameter connectivityType is invalid. Expected: 'public' or 'private'.`);
  return value;
}

function validate(ctx: RequestContext): CreateNatGatewayInput {
  const { params } = ctx;
  refuseUnmodelled(ctx);
  const subnetId = requireString(params, 'SubnetId');
  const connectivityType = readConnectivityType(ctx);
  const allocationId = params.get('AllocationId');
  if (connectivityType === 'public' && (allocationId === undefined || allocationId === '')) throw missingParameter('AllocationId');
  if (connectivityType === 'private' && allocationId !== undefined) {
    throw new Ec2Fault('InvalidParameterCombination', 'A private NAT gateway cannot have an Elastic IP address: leave out AllocationId.');
  }
  const privateIpAddress = params.get('PrivateIpAddress');
  if (privateIpAddress !== undefined && parseIpv4Address(privateIpAddress) === undefined) {
    throw invalidParameterValue(`Value (${privateIpAddress}) for parameter privateIpAddress is invalid.`);
  }
  const tags = readTagSpecifications(params, 'TagSpecification', ['natgateway']).get('natgateway') ?? [];
  return { subnetId, connectivityType, allocationId, privateIpAddress, tags };
}

function create(ctx: RequestContext, input: CreateNatGatewayInput, token: string | undefined): Committed {
  const { store } = ctx;
  const { accountId, region } = ctx.identity;
  const subnet = findListed(ctx, SUBNETS, input.subnetId);
  // No Elastic IP exists here, so the allocation a public gateway names is always unknown.
  if (input.allocationId !== undefined) throw new Ec2Fault('InvalidAllocationID.NotFound', `The allocation ID '${input.allocationId}' does not exist`);
  const address = interfaceAddress(store, subnet, input.privateIpAddress);
  const createdAt = ctx.now();
  const id = newResourceId('nat');
  const eniId = newResourceId('eni');
  const eni: NetworkInterface = {
    id: eniId,
    createdAt,
    ownerId: accountId,
    tags: [],
    subnetId: subnet.id,
    vpcId: subnet.vpcId,
    availabilityZone: subnet.availabilityZone,
    description: `Interface for NAT Gateway ${id}`,
    privateIpAddress: address,
    privateDnsName: privateDnsName(address, region),
    macAddress: macAddressFor(eniId),
    groups: [],
    interfaceType: 'nat_gateway',
    managedBy: id,
  };
  store.networkInterfaces.add(eni);
  const gateway: NatGateway = {
    id,
    createdAt,
    vpcId: subnet.vpcId,
    subnetId: subnet.id,
    connectivityType: input.connectivityType,
    networkInterfaceId: eniId,
    privateIp: address,
    tags: input.tags,
  };
  store.natGateways.add(gateway);
  const answer = { clientToken: token, natGateway: natGatewayXml(gateway, 'pending') };
  return { render: () => answer, isRetired: () => gateway.deletedAt !== undefined };
}

export const createNatGateway: IdempotentAction<CreateNatGatewayInput> = {
  name: 'CreateNatGateway',
  tokenLimit: 64,
  quirks: (bugs) => ({ retiredReplayCreates: bugs.on('natgw-replay-after-delete-creates') }),
  validate,
  create,
};
