// DescribeInstances: by id, by filter (instance-id, client-token, instance-state-name, tags),
// paginated, grouped by reservation. Id and token lookups use the store's indexes, never a scan.
import type { ActionHandler, RequestContext } from '../context.ts';
import { stopIfDryRun } from '../dryRun.ts';
import { Ec2Fault } from '../errors.ts';
import { matchesFilters, readFilters } from '../filters.ts';
import type { Filter, FilterMatchers } from '../filters.ts';
import { findInstances, readInstanceIds, visibleInstance } from '../instanceIds.ts';
import { instanceStateAt, isVisibleAt } from '../lifecycle.ts';
import { paginate, readPageRequest } from '../pagination.ts';
import { reservationXml } from '../render/instance.ts';
import type { Instance } from '../store.ts';
import { xmlList } from '../xml.ts';
import type { XmlNode } from '../xml.ts';

function matchersAt(ctx: RequestContext): FilterMatchers<Instance> {
  const now = ctx.now();
  const { lifecycle } = ctx.runtime.options;
  return {
    'instance-id': (instance, values) => values.includes(instance.id),
    'client-token': (instance, values) => instance.clientToken !== undefined && values.includes(instance.clientToken),
    'instance-state-name': (instance, values) => values.includes(instanceStateAt(instance, now, lifecycle).name),
  };
}

/** The smallest set that can match: named ids, else an indexed filter, else everything. */
function candidates(ctx: RequestContext, ids: readonly string[], filters: readonly Filter[]): Iterable<Instance> {
  if (ids.length > 0) return findInstances(ctx, ids);
  const byId = filters.find((filter) => filter.name === 'instance-id');
  if (byId) return byId.values.map((id) => visibleInstance(ctx, id)).filter((instance) => instance !== undefined);
  const byToken = filters.find((filter) => filter.name === 'client-token');
  if (byToken) return new Set(byToken.values.flatMap((token) => ctx.store.instancesWithToken(token)));
  return ctx.store.allInstances();
}

function matching(ctx: RequestContext, ids: readonly string[], filters: readonly Filter[]): Instance[] {
  const matchers = matchersAt(ctx);
  const now = ctx.now();
  const { lifecycle } = ctx.runtime.options;
  const result: Instance[] = [];
  for (const instance of candidates(ctx, ids, filters)) {
    if (isVisibleAt(instance, now, lifecycle) && matchesFilters(instance, filters, matchers)) result.push(instance);
  }
  return result;
}

function reservationsXml(ctx: RequestContext, instances: readonly Instance[]): XmlNode[] {
  const byReservation = new Map<string, Instance[]>();
  for (const instance of instances) {
    const members = byReservation.get(instance.reservationId);
    if (members) members.push(instance);
    else byReservation.set(instance.reservationId, [instance]);
  }
  const rendering = { now: ctx.now(), lifecycle: ctx.runtime.options.lifecycle, omitClientToken: ctx.runtime.bugs.on('describe-token-missing') };
  return [...byReservation].map(([reservationId, members]) => reservationXml(ctx.store.reservation(reservationId)!, members, rendering));
}

export const describeInstances: ActionHandler = (ctx) => {
  const ids = readInstanceIds(ctx, false);
  let filters = readFilters(ctx.params, matchersAt(ctx));
  if (ctx.runtime.bugs.on('client-token-filter-ignored')) filters = filters.filter((filter) => filter.name !== 'client-token');
  const pageRequest = readPageRequest(ctx.params, 5, 1000);
  if (ids.length > 0 && pageRequest.size !== undefined) {
    throw new Ec2Fault('InvalidParameterCombination', 'The parameter instancesSet cannot be used with the parameter maxResults');
  }
  stopIfDryRun(ctx);
  const page = paginate(matching(ctx, ids, filters), pageRequest);
  return { reservationSet: xmlList(reservationsXml(ctx, page.items)), nextToken: page.nextToken };
};
