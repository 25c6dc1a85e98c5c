// DescribeInstances: by id, by filter (instance-id, client-token, instance-state-name, tags),
// paginated, grouped by reservation. Id and token lookups use the store's indexes, never a scan,
// unless a filter value carries a wildcard (then only a scan can tell what matches).
import type { ActionHandler, RequestContext } from '../context.ts';
import { stopIfDryRun } from '../dryRun.ts';
import { Ec2Fault } from '../errors.ts';
import { literalValues, matchesFilters, readFilters } from '../filters.ts';
import type { Filter, FilterFields } from '../filters.ts';
import { canSee, findInstances, readInstanceIds, visibleInstance } from '../instanceIds.ts';
import { instanceStateAt } from '../lifecycle.ts';
import { paginate, readPageRequest } from '../pagination.ts';
import { reservationXml } from '../render/instance.ts';
import type { Instance } from '../store.ts';
import { xmlList } from '../xml.ts';
import type { XmlNode } from '../xml.ts';

function fieldsAt(ctx: RequestContext): FilterFields<Instance> {
  const now = ctx.now();
  const { lifecycle } = ctx.runtime.options;
  return {
    'instance-id': (instance) => instance.id,
    'client-token': (instance) => instance.clientToken,
    'instance-state-name': (instance) => instanceStateAt(instance, now, lifecycle).name,
  };
}

/** The exact values of the first `name` filter whose values are all free of wildcards. */
function indexable(filters: readonly Filter[], name: string): string[] | undefined {
  for (const filter of filters) {
    const literals = filter.name === name ? literalValues(filter) : undefined;
    if (literals) return literals;
  }
  return undefined;
}

/** The smallest set that can match: named ids, else an indexed filter, else everything. */
function candidates(ctx: RequestContext, ids: readonly string[], filters: readonly Filter[]): Iterable<Instance> {
  if (ids.length > 0) return findInstances(ctx, ids);
  const byId = indexable(filters, 'instance-id');
  if (byId) return new Set(byId.map((id) => visibleInstance(ctx, id)).filter((instance) => instance !== undefined));
  const byToken = indexable(filters, 'client-token');
  if (byToken) return new Set(byToken.flatMap((token) => ctx.store.instancesWithToken(token)));
  return ctx.store.allInstances();
}

function matching(ctx: RequestContext, ids: readonly string[], filters: readonly Filter[]): Instance[] {
  const fields = fieldsAt(ctx);
  const result: Instance[] = [];
  for (const instance of candidates(ctx, ids, filters)) {
    if (canSee(ctx, instance) && matchesFilters(instance, filters, fields)) result.push(instance);
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
  let filters = readFilters(ctx.params, fieldsAt(ctx));
  if (ctx.runtime.bugs.on('client-token-filter-ignored')) filters = filters.filter((filter) => filter.name !== 'client-token');
  const pageRequest = readPageRequest(ctx.params, 5, 1000);
  if (ids.length > 0 && pageRequest.size !== undefined) {
    throw new Ec2Fault('InvalidParameterCombination', 'The parameter instancesSet cannot be used with the parameter maxResults');
  }
  stopIfDryRun(ctx);
  const page = paginate(matching(ctx, ids, filters), pageRequest);
  return { reservationSet: xmlList(reservationsXml(ctx, page.items)), nextToken: page.nextToken };
};
