// DeleteSubnet: refused with DependencyViolation while a network interface, a running instance or
// a NAT gateway not yet `deleted` is in it.
import { dependencyViolation, deleteHandler } from '../deletion.ts';
import { subnetHasDependents } from '../dependencies.ts';
import { SUBNETS } from '../resourceKinds.ts';

export const deleteSubnet = deleteHandler({
  kind: SUBNETS,
  idParam: 'SubnetId',
  check: (ctx, subnet) => {
    if (subnetHasDependents(ctx.store, subnet, { now: ctx.now(), lifecycle: ctx.runtime.options.lifecycle })) throw dependencyViolation(`The subnet '${subnet.id}' has dependencies and cannot be deleted.`);
  },
});
