// DeleteTrafficMirrorFilter: the filter goes with its rules (the emulator has no mirror sessions to
// hold it); answers the filter's id.
import { deleteHandler } from '../deletion.ts';
import { TRAFFIC_MIRROR_FILTERS } from '../resourceKinds.ts';

export const deleteTrafficMirrorFilter = deleteHandler({
  kind: TRAFFIC_MIRROR_FILTERS,
  idParam: 'TrafficMirrorFilterId',
  remove: (ctx, filter) => {
    const { store } = ctx;
    for (const rule of [...store.trafficMirrorFilterRules.values()]) {
      if (rule.filterId === filter.id) store.trafficMirrorFilterRules.delete(rule.id);
    }
    store.trafficMirrorFilters.delete(filter.id);
  },
  answer: (_ctx, filter) => ({ trafficMirrorFilterId: filter.id }),
});
