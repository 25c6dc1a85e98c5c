// DeleteTrafficMirrorFilterRule: answers the deleted rule's id.
import { deleteHandler } from '../deletion.ts';
import { TRAFFIC_MIRROR_FILTER_RULES } from '../resourceKinds.ts';

export const deleteTrafficMirrorFilterRule = deleteHandler({
  kind: TRAFFIC_MIRROR_FILTER_RULES,
  idParam: 'TrafficMirrorFilterRuleId',
  answer: (_ctx, rule) => ({ trafficMirrorFilterRuleId: rule.id }),
});
