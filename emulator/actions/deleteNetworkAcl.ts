// DeleteNetworkAcl: a VPC's default ACL cannot be deleted (it goes with its VPC); any other can.
import { deleteHandler } from '../deletion.ts';
import { invalidParameterValue } from '../errors.ts';
import { NETWORK_ACLS } from '../resourceKinds.ts';

export const deleteNetworkAcl = deleteHandler({
  kind: NETWORK_ACLS,
  idParam: 'NetworkAclId',
  check: (_ctx, acl) => {
    if (acl.isDefault) throw invalidParameterValue(`cannot delete default network ACL ${acl.id}`);
  },
});
