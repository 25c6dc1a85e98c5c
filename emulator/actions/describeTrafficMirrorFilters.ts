// DescribeTrafficMirrorFilters: by `TrafficMirrorFilterId.N` and filters, paginated (5–1000), each
// with the rules the caller can see split into ingress and egress sets.
import type { RequestContext } from '../context.ts';
import { describeHandler } from '../describe.ts';
import { allListed } from '../lookup.ts';
import { trafficMirrorFilterXml } from '../render/trafficMirrorFilter.ts';
import { TRAFFIC_MIRROR_FILTERS, TRAFFIC_MIRROR_FILTER_RULES } from '../resourceKinds.ts';
import type { TrafficMirrorFilter } from '../resources.ts';

function render(ctx: RequestContext, filter: TrafficMirrorFilter) {
  const rules = allListed(ctx, TRAFFIC_MIRROR_FILTER_RULES)
    .filter((rule) => rule.filterId === filter.id)
    .sort((a, b) => a.ruleNumber - b.ruleNumber);
  return trafficMirrorFilterXml(filter, rules);
}

export const describeTrafficMirrorFilters = describeHandler<TrafficMirrorFilter>({
  kind: TRAFFIC_MIRROR_FILTERS,
  idParam: 'TrafficMirrorFilterId',
  listElement: 'trafficMirrorFilterSet',
  pageSize: [5, 1000],
  fields: () => ({
    'traffic-mirror-filter-id': (filter) => filter.id,
    description: (filter) => filter.description,
  }),
  render,
});
