// The shape of the VPC-side and EBS delete actions that name one resource: the id is required,
// must be visible (else the kind's NotFound), dependents refuse the delete, and a dry run stops
// just before anything is removed.
import type { ActionHandler, RequestContext } from './context.ts';
import { stopIfDryRun } from './dryRun.ts';
import { Ec2Fault } from './errors.ts';
import { findListed } from './lookup.ts';
import { requireString } from './params.ts';
import type { ResourceKind } from './resourceKinds.ts';
import type { StoredResource } from './resourceTable.ts';
import type { XmlNode } from './xml.ts';

export interface DeleteSpec<T extends StoredResource> {
  kind: ResourceKind<T>;
  idParam: string;
  /** Throws (DependencyViolation, …) when the resource cannot go yet. */
  check?(ctx: RequestContext, resource: T): void;
  /** Removes it and whatever goes with it; the kind's table entry alone by default. */
  remove?(ctx: RequestContext, resource: T): void;
  /** The answer; `<return>true</return>` by default. */
  answer?(ctx: RequestContext, resource: T): XmlNode;
}

export function dependencyViolation(message: string): Ec2Fault {
  return new Ec2Fault('DependencyViolation', message);
}

export function deleteHandler<T extends StoredResource>(spec: DeleteSpec<T>): ActionHandler {
  return (ctx) => {
    const resource = findListed(ctx, spec.kind, requireString(ctx.params, spec.idParam));
    spec.check?.(ctx, resource);
    stopIfDryRun(ctx);
    if (spec.remove) spec.remove(ctx, resource);
    else spec.kind.table(ctx.store).delete(resource.id);
    return spec.answer ? spec.answer(ctx, resource) : { return: true };
  };
}
