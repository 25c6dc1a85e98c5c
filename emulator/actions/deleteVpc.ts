// DeleteVpc: refused with DependencyViolation while anything but the VPC's own default resources
// is in it (the default VPC's default subnets included); otherwise those go with it.
import { dependencyViolation, deleteHandler } from '../deletion.ts';
import { vpcHasDependents } from '../dependencies.ts';
import { removeVpc } from '../network.ts';
import { VPCS } from '../resourceKinds.ts';

export const deleteVpc = deleteHandler({
  kind: VPCS,
  idParam: 'VpcId',
  check: (ctx, vpc) => {
    if (vpcHasDependents(ctx.store, vpc, { now: ctx.now(), lifecycle: ctx.runtime.options.lifecycle })) throw dependencyViolation(`The vpc '${vpc.id}' has dependencies and cannot be deleted.`);
  },
  remove: (ctx, vpc) => removeVpc(ctx.store, vpc),
});
