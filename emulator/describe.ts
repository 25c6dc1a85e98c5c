// The shape every VPC-side and EBS describe action shares: `<IdParam>.N` ids (each must be
// visible, else the kind's NotFound), `Filter.N` filters, optional MaxResults/NextToken, and a
// `<fooSet>` of the matching resources in creation order.
import type { ActionHandler, RequestContext } from './context.ts';
import { stopIfDryRun } from './dryRun.ts';
import { matchesFilters, readFilters } from './filters.ts';
import type { FilterFields } from './filters.ts';
import { allListed, findAllListed } from './lookup.ts';
import { paginate, readPageRequest } from './pagination.ts';
import type { PageRequest } from './pagination.ts';
import { readList } from './params.ts';
import type { ResourceKind } from './resourceKinds.ts';
import type { StoredResource } from './resourceTable.ts';
import type { Tag } from './store.ts';
import { xmlList } from './xml.ts';
import type { XmlNode } from './xml.ts';

export interface DescribeSpec<T extends StoredResource & { tags: readonly Tag[] }> {
  kind: ResourceKind<T>;
  /** `VolumeId` reads `VolumeId.1`, `VolumeId.2`, … */
  idParam: string;
  /** Filter names this action accepts besides `tag:KEY` and `tag-key`. */
  fields(ctx: RequestContext): FilterFields<T>;
  /** The answer's list element, e.g. `volumeSet`. */
  listElement: string;
  render(ctx: RequestContext, resource: T): XmlNode;
  /** MaxResults bounds; absent when the action does not page. */
  pageSize?: readonly [number, number];
  /** Narrows the candidates by a request parameter of the action's own (a parent id). */
  narrow?(ctx: RequestContext, resources: T[]): T[];
}

const WHOLE: PageRequest = { start: 0, size: undefined };

export function describeHandler<T extends StoredResource & { tags: readonly Tag[] }>(spec: DescribeSpec<T>): ActionHandler {
  return (ctx) => {
    const ids = readList(ctx.params, spec.idParam);
    const fields = spec.fields(ctx);
    const filters = readFilters(ctx.params, fields);
    const pageRequest = spec.pageSize ? readPageRequest(ctx.params, spec.pageSize[0], spec.pageSize[1]) : WHOLE;
    const named = ids.length > 0 ? findAllListed(ctx, spec.kind, ids) : allListed(ctx, spec.kind);
    const candidates = spec.narrow ? spec.narrow(ctx, named) : named;
    stopIfDryRun(ctx);
    const page = paginate(
      candidates.filter((resource) => matchesFilters(resource, filters, fields)),
      pageRequest,
    );
    return { [spec.listElement]: xmlList(page.items.map((resource) => spec.render(ctx, resource))), nextToken: page.nextToken };
  };
}
