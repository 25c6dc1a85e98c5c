// DeleteSecurityGroup: by GroupId, or by GroupName in the default VPC. A VPC's default group cannot
// be deleted (CannotDelete); a group a network interface or running instance uses is a
// DependencyViolation. Answers `<return>` and the group id.
import type { ActionHandler } from '../context.ts';
import { dependencyViolation } from '../deletion.ts';
import { securityGroupHasDependents } from '../dependencies.ts';
import { stopIfDryRun } from '../dryRun.ts';
import { Ec2Fault, missingParameter } from '../errors.ts';
import { findListed } from '../lookup.ts';
import { SECURITY_GROUPS } from '../resourceKinds.ts';
import { groupInDefaultVpc } from '../securityGroups.ts';

export const deleteSecurityGroup: ActionHandler = (ctx) => {
  const id = ctx.params.get('GroupId');
  const name = ctx.params.get('GroupName');
  if (!id && !name) throw missingParameter('GroupId or GroupName');
  const group = id ? findListed(ctx, SECURITY_GROUPS, id) : groupInDefaultVpc(ctx, name!);
  if (group.isDefault) throw new Ec2Fault('CannotDelete', `the specified group: "${group.id}" name: "default" cannot be deleted by a user`);
  if (securityGroupHasDependents(ctx.store, group)) throw dependencyViolation(`resource ${group.id} has a dependent object`);
  stopIfDryRun(ctx);
  ctx.store.securityGroups.delete(group.id);
  return { return: true, groupId: group.id };
};
