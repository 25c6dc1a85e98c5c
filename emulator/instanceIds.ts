// `InstanceId.N`: reading, format checks and lookup shared by DescribeInstances and TerminateInstances.
import type { RequestContext } from './context.ts';
import { Ec2Fault, missingParameter } from './errors.ts';
import { isListedAt } from './eventualConsistency.ts';
import { isVisibleAt } from './lifecycle.ts';
import { readList } from './params.ts';
import type { Instance } from './store.ts';

const INSTANCE_ID = /^i-[0-9a-f]{8,17}$/;

/** Distinct ids in request order; malformed ids are refused. */
export function readInstanceIds(ctx: RequestContext, required: boolean): string[] {
  const ids = [...new Set(readList(ctx.params, 'InstanceId'))];
  if (required && ids.length === 0) throw missingParameter('InstanceId');
  const malformed = ids.find((id) => !INSTANCE_ID.test(id));
  if (malformed !== undefined) throw new Ec2Fault('InvalidInstanceID.Malformed', `Invalid id: "${malformed}"`);
  return ids;
}

/** Whether the caller can see `instance` now: not too new to be listed, not terminated too long ago. */
export function canSee(ctx: RequestContext, instance: Instance): boolean {
  const now = ctx.now();
  const { lifecycle } = ctx.runtime.options;
  return isListedAt(instance.launchedAt, now, lifecycle) && isVisibleAt(instance, now, lifecycle);
}

/** The instance with this id if the caller can see it; unseen instances answer like unknown ones. */
export function visibleInstance(ctx: RequestContext, id: string): Instance | undefined {
  const instance = ctx.store.instance(id);
  return instance && canSee(ctx, instance) ? instance : undefined;
}

/** Every named instance, or InvalidInstanceID.NotFound listing those that do not exist. */
export function findInstances(ctx: RequestContext, ids: readonly string[]): Instance[] {
  const found = ids.map((id) => visibleInstance(ctx, id));
  const missing = ids.filter((_, index) => found[index] === undefined);
  if (missing.length === 1) throw new Ec2Fault('InvalidInstanceID.NotFound', `The instance ID '${missing[0]}' does not exist`);
  if (missing.length > 1) throw new Ec2Fault('InvalidInstanceID.NotFound', `The instance IDs '${missing.join(', ')}' do not exist`);
  return found as Instance[];
}
