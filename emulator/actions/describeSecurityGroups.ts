// DescribeSecurityGroups: by `GroupId.N`, by `GroupName.N` (default VPC only, as in EC2) and by
// filters, paginated (5–1000); each VPC's `default` group included.
import type { RequestContext } from '../context.ts';
import { describeHandler } from '../describe.ts';
import { readList } from '../params.ts';
import { securityGroupXml } from '../render/securityGroup.ts';
import { SECURITY_GROUPS } from '../resourceKinds.ts';
import type { SecurityGroup } from '../resources.ts';
import { groupInDefaultVpc } from '../securityGroups.ts';

function byName(ctx: RequestContext, groups: SecurityGroup[]): SecurityGroup[] {
  const names = readList(ctx.params, 'GroupName');
  if (names.length === 0) return groups;
  const named = new Set(names.map((name) => groupInDefaultVpc(ctx, name)));
  return groups.filter((group) => named.has(group));
}

export const describeSecurityGroups = describeHandler<SecurityGroup>({
  kind: SECURITY_GROUPS,
  idParam: 'GroupId',
  listElement: 'securityGroupInfo',
  pageSize: [5, 1000],
  narrow: byName,
  fields: () => ({
    'group-id': (group) => group.id,
    'group-name': (group) => group.groupName,
    description: (group) => group.description,
    'vpc-id': (group) => group.vpcId,
    'owner-id': (group) => group.ownerId,
  }),
  render: (ctx, group) => securityGroupXml(group, ctx.identity.region),
});
