// CreateSubnet (a fixture action, no ClientToken): an IPv4 subnet of /16 to /28 inside its VPC's
// CIDR, overlapping no other subnet of that VPC, in one of the region's zones (the first by default).
import type { ActionHandler, RequestContext } from '../context.ts';
import { containsBlock, overlaps, parseIpv4Cidr } from '../cidr.ts';
import type { Ipv4Block } from '../cidr.ts';
import { stopIfDryRun } from '../dryRun.ts';
import { Ec2Fault, invalidParameterValue } from '../errors.ts';
import { findListed } from '../lookup.ts';
import { addSubnet } from '../network.ts';
import { requireString } from '../params.ts';
import { zoneWithId, zonesOf } from '../regions.ts';
import { subnetXml } from '../render/subnet.ts';
import { VPCS } from '../resourceKinds.ts';
import type { Vpc } from '../resources.ts';
import { readTagSpecifications } from '../tags.ts';

function readZone(ctx: RequestContext): string {
  const { region } = ctx.identity;
  const name = ctx.params.get('AvailabilityZone');
  const id = ctx.params.get('AvailabilityZoneId');
  if (name && id) throw new Ec2Fault('InvalidParameterCombination', 'Specify either AvailabilityZone or AvailabilityZoneId, not both.');
  const zone = name ? zonesOf(region).find((candidate) => candidate === name) : id ? zoneWithId(region, id) : zonesOf(region)[0];
  if (zone === undefined) {
    throw invalidParameterValue(
      `Value (${name ?? id}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: ${zonesOf(region).join(', ')}.`,
    );
  }
  return zone;
}

function checkRange(ctx: RequestContext, vpc: Vpc, cidrBlock: string, cidr: Ipv4Block): void {
  const vpcCidr = parseIpv4Cidr(vpc.cidrBlock)!;
  if (cidr.prefix < 16 || cidr.prefix > 28 || !containsBlock(vpcCidr, cidr)) throw new Ec2Fault('InvalidSubnet.Range', `The CIDR '${cidrBlock}' is invalid.`);
  const taken = [...ctx.store.subnets.values()].some((subnet) => subnet.vpcId === vpc.id && overlaps(parseIpv4Cidr(subnet.cidrBlock)!, cidr));
  if (taken) throw new Ec2Fault('InvalidSubnet.Conflict', `The CIDR '${cidrBlock}' conflicts with another subnet`);
}

export const createSubnet: ActionHandler = (ctx) => {
  const vpcId = requireString(ctx.params, 'VpcId');
  const cidrBlock = requireString(ctx.params, 'CidrBlock');
  const cidr = parseIpv4Cidr(cidrBlock);
  if (cidr === undefined) throw invalidParameterValue(`Value (${cidrBlock}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`);
  const availabilityZone = readZone(ctx);
  const tags = readTagSpecifications(ctx.params, 'TagSpecification', ['subnet']).get('subnet') ?? [];
  const vpc = findListed(ctx, VPCS, vpcId);
  checkRange(ctx, vpc, cidrBlock, cidr);
  stopIfDryRun(ctx);
  const subnet = addSubnet(ctx.store, { vpcId, cidr, availabilityZone, defaultForAz: false, tags, createdAt: ctx.now() });
  return { subnet: subnetXml(subnet, ctx.identity.region) };
};
