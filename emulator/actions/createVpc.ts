// CreateVpc (a fixture action, no ClientToken): an IPv4 VPC of /16 to /28, created with its default
// security group, main route table and default network ACL. Answers state `pending`.
import type { ActionHandler } from '../context.ts';
import { parseIpv4Cidr } from '../cidr.ts';
import { stopIfDryRun } from '../dryRun.ts';
import { Ec2Fault, invalidParameterValue } from '../errors.ts';
import { addVpc } from '../network.ts';
import { requireString } from '../params.ts';
import { vpcXml } from '../render/vpc.ts';
import { readTagSpecifications } from '../tags.ts';

const TENANCIES = ['default', 'dedicated'];

export const createVpc: ActionHandler = (ctx) => {
  const cidrBlock = requireString(ctx.params, 'CidrBlock');
  const cidr = parseIpv4Cidr(cidrBlock);
  if (cidr === undefined) throw invalidParameterValue(`Value (${cidrBlock}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`);
  if (cidr.prefix < 16 || cidr.prefix > 28) throw new Ec2Fault('InvalidVpc.Range', `The CIDR '${cidrBlock}' is invalid.`);
  const instanceTenancy = ctx.params.get('InstanceTenancy') ?? 'default';
  if (!TENANCIES.includes(instanceTenancy)) throw invalidParameterValue(`Value (${instanceTenancy}) for parameter instanceTenancy is invalid.`);
  const tags = readTagSpecifications(ctx.params, 'TagSpecification', ['vpc']).get('vpc') ?? [];
  stopIfDryRun(ctx);
  const { store } = ctx;
  const vpc = addVpc(store, { cidrBlock, isDefault: false, instanceTenancy, dhcpOptionsId: store.dhcpOptionsId, tags, createdAt: ctx.now() });
  return { vpc: vpcXml(vpc, 'pending') };
};
