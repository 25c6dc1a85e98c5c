// Finding resources by id the way the caller can see them: a resource still inside its listing
// delay (REF-EVENTUAL-CONSISTENCY) answers exactly like one that does not exist.
import type { RequestContext } from './context.ts';
import { isListedAt } from './eventualConsistency.ts';
import type { ResourceKind } from './resourceKinds.ts';
import type { StoredResource } from './resourceTable.ts';

export function isListed(ctx: RequestContext, resource: StoredResource): boolean {
  return isListedAt(resource.createdAt, ctx.now(), ctx.runtime.options.lifecycle);
}

/** Listed now: past its listing delay, and (for a kind whose deleted resources linger) not yet gone. */
function isShown<T extends StoredResource>(ctx: RequestContext, kind: ResourceKind<T>, resource: T): boolean {
  return isListed(ctx, resource) && !(kind.goneAt?.(resource, ctx.now(), ctx.runtime.options.lifecycle) ?? false);
}

/** The resource with this id if the caller can see it. */
export function visible<T extends StoredResource>(ctx: RequestContext, kind: ResourceKind<T>, id: string): T | undefined {
  const resource = kind.table(ctx.store).get(id);
  return resource !== undefined && isShown(ctx, kind, resource) ? resource : undefined;
}

/** The resource with this id, or the kind's NotFound. */
export function findListed<T extends StoredResource>(ctx: RequestContext, kind: ResourceKind<T>, id: string): T {
  const resource = visible(ctx, kind, id);
  if (resource === undefined) throw kind.notFound([id]);
  return resource;
}

/** Every named resource (each once, in request order), or the kind's NotFound naming the missing ids. */
export function findAllListed<T extends StoredResource>(ctx: RequestContext, kind: ResourceKind<T>, ids: readonly string[]): T[] {
  const unique = [...new Set(ids)];
  const found = unique.map((id) => visible(ctx, kind, id));
  const missing = unique.filter((_, index) => found[index] === undefined);
  if (missing.length > 0) throw kind.notFound(missing);
  return found as T[];
}

/** Every resource of the kind the caller can see, in creation order. */
export function allListed<T extends StoredResource>(ctx: RequestContext, kind: ResourceKind<T>): T[] {
  return [...kind.table(ctx.store).values()].filter((resource) => isShown(ctx, kind, resource));
}
