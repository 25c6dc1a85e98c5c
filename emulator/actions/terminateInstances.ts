// TerminateInstances: idempotent by nature (REF-TERMINATE-IDEMPOTENT); a repeat reports the
// current state again.
import type { ActionHandler } from '../context.ts';
import { stopIfDryRun } from '../dryRun.ts';
import { Ec2Fault } from '../errors.ts';
import { findInstances, readInstanceIds } from '../instanceIds.ts';
import { instanceStateAt } from '../lifecycle.ts';
import { stateXml } from '../render/common.ts';
import { xmlList } from '../xml.ts';

export const terminateInstances: ActionHandler = (ctx) => {
  const instances = findInstances(ctx, readInstanceIds(ctx, true));
  const locked = instances.find((instance) => instance.disableApiTermination && instance.terminatedAt === undefined);
  if (locked) {
    throw new Ec2Fault(
      'OperationNotPermitted',
      `The instance '${locked.id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`,
    );
  }
  stopIfDryRun(ctx);
  const now = ctx.now();
  const { lifecycle } = ctx.runtime.options;
  const items = instances.map((instance) => {
    const previousState = stateXml(instanceStateAt(instance, now, lifecycle));
    ctx.store.terminate(instance, now);
    return { instanceId: instance.id, currentState: stateXml(instanceStateAt(instance, now, lifecycle)), previousState };
  });
  return { instancesSet: xmlList(items) };
};
