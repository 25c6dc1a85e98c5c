import { simpleAction } from './simpleAction.ts';

/** Traffic mirror filters are free (the sessions that use them are not, and are never made). */
export const createTrafficMirrorFilter = simpleAction({
  name: 'CreateTrafficMirrorFilter',
  tokenInAnswer: true,
  resourceType: 'traffic-mirror-filter',
  needs: [],
  options: [{ name: 'Description', values: ['ec2-idem filter', 'ec2-idem filter 2'], optional: true }],
  placed: () => ({}),
  element: 'trafficMirrorFilter',
  idName: 'trafficMirrorFilterId',
  describe: { action: 'DescribeTrafficMirrorFilters', list: 'trafficMirrorFilterSet' },
  remove: (id) => ({ action: 'DeleteTrafficMirrorFilter', params: { TrafficMirrorFilterId: id } }),
  notFoundCodes: ['InvalidTrafficMirrorFilterId.NotFound'],
});
