// `InstanceId.N`: reading, format checks and lookup shared by DescribeInstances and TerminateInstances.
import type { RequestContext } from './context.ts';
import { Ec2Fault, missingParameter } from './errors.ts';
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

/** Instances the caller can still see (terminated ones vanish after a while). */
export function visibleInstance(ctx: RequestContext, id: string): Instance | undefined {
  const instance = ctx.store.instance(id);
  return instance && isVisibleAt(instance, ctx.now(), ctx.runtime.options.lifecycle) ? instance : undefined;
}

/** Every named instance, or InvalidInstanceID.NotFound listing those that do not exist. */
export function findInstances(ctx: RequestContext, ids: readonly string[]): Instance[] {
  const found = ids.map((id) => visibleInstance(ctx, id));
  const missing = ids.filter((_, index) => found[index] === undefined);
  if (missing.length === 1) throw new Ec2Fault('InvalidInstanceID.NotFound', `The instance ID '${missing[0]}' does not exist`);
  if (missing.length > 1) throw new Ec2Fault('InvalidInstanceID.NotFound', `The instance IDs '${missing.join(', ')}' do not exist`);
  return found as Instance[];
}
