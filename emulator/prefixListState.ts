// A prefix list is `create-in-progress` for the lifecycle's pending time, then `create-complete`.
import type { RequestContext } from './context.ts';
import { isCreatingAt } from './lifecycle.ts';
import type { ManagedPrefixList } from './resources.ts';

export function prefixListStateAt(ctx: RequestContext, list: ManagedPrefixList): string {
  return isCreatingAt(list.createdAt, ctx.now(), ctx.runtime.options.lifecycle) ? 'create-in-progress' : 'create-complete';
}
