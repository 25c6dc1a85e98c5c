// CreateSecurityGroup (a fixture action, no ClientToken): a named group in a VPC (the default VPC
// when none is given); names are unique per VPC.
import type { ActionHandler } from '../context.ts';
import { stopIfDryRun } from '../dryRun.ts';
import { Ec2Fault } from '../errors.ts';
import { newResourceId } from '../ids.ts';
import { findListed } from '../lookup.ts';
import { requireString } from '../params.ts';
import { securityGroupArn } from '../render/securityGroup.ts';
import { tagSetXml } from '../render/common.ts';
import { VPCS } from '../resourceKinds.ts';
import type { SecurityGroup } from '../resources.ts';
import { checkGroupText } from '../securityGroups.ts';
import { readTagSpecifications } from '../tags.ts';

export const createSecurityGroup: ActionHandler = (ctx) => {
  const groupName = requireString(ctx.params, 'GroupName');
  const description = requireString(ctx.params, 'GroupDescription');
  checkGroupText('GroupName', groupName);
  checkGroupText('GroupDescription', description);
  const tags = readTagSpecifications(ctx.params, 'TagSpecification', ['security-group']).get('security-group') ?? [];
  const { store } = ctx;
  const vpc = findListed(ctx, VPCS, ctx.params.get('VpcId') || store.defaultVpcId);
  if ([...store.securityGroups.values()].some((group) => group.vpcId === vpc.id && group.groupName === groupName)) {
    throw new Ec2Fault('InvalidGroup.Duplicate', `The security group '${groupName}' already exists for VPC '${vpc.id}'`);
  }
  stopIfDryRun(ctx);
  const group: SecurityGroup = {
    id: newResourceId('sg'),
    createdAt: ctx.now(),
    ownerId: ctx.identity.accountId,
    tags,
    groupName,
    description,
    vpcId: vpc.id,
    isDefault: false,
  };
  store.securityGroups.add(group);
  return { return: true, groupId: group.id, tagSet: tagSetXml(group.tags), securityGroupArn: securityGroupArn(group, ctx.identity.region) };
};
