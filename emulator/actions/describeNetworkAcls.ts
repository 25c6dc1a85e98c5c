// DescribeNetworkAcls: every VPC's default ACL and created ones, by `NetworkAclId.N` and filters,
// paginated (5–100).
import { describeHandler } from '../describe.ts';
import { networkAclXml } from '../render/networkAcl.ts';
import { NETWORK_ACLS } from '../resourceKinds.ts';
import type { NetworkAcl } from '../resources.ts';

export const describeNetworkAcls = describeHandler<NetworkAcl>({
  kind: NETWORK_ACLS,
  idParam: 'NetworkAclId',
  listElement: 'networkAclSet',
  pageSize: [5, 100],
  fields: () => ({
    'network-acl-id': (acl) => acl.id,
    'vpc-id': (acl) => acl.vpcId,
    default: (acl) => String(acl.isDefault),
    'owner-id': (acl) => acl.ownerId,
  }),
  render: (_ctx, acl) => networkAclXml(acl),
});
