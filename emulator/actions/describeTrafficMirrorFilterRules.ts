// DescribeTrafficMirrorFilterRules: by `TrafficMirrorFilterRuleId.N`, by the `TrafficMirrorFilterId`
// they belong to, and by filters, paginated (5–1000).
import type { RequestContext } from '../context.ts';
import { describeHandler } from '../describe.ts';
import { trafficMirrorFilterRuleXml } from '../render/trafficMirrorFilterRule.ts';
import { TRAFFIC_MIRROR_FILTER_RULES } from '../resourceKinds.ts';
import type { TrafficMirrorFilterRule } from '../resources.ts';

function ofFilter(ctx: RequestContext, rules: TrafficMirrorFilterRule[]): TrafficMirrorFilterRule[] {
  const filterId = ctx.params.get('TrafficMirrorFilterId');
  return filterId ? rules.filter((rule) => rule.filterId === filterId) : rules;
}

export const describeTrafficMirrorFilterRules = describeHandler<TrafficMirrorFilterRule>({
  kind: TRAFFIC_MIRROR_FILTER_RULES,
  idParam: 'TrafficMirrorFilterRuleId',
  listElement: 'trafficMirrorFilterRuleSet',
  pageSize: [5, 1000],
  narrow: ofFilter,
  fields: () => ({
    'traffic-mirror-filter-rule-id': (rule) => rule.id,
    'traffic-mirror-filter-id': (rule) => rule.filterId,
    'rule-number': (rule) => String(rule.ruleNumber),
    'rule-action': (rule) => rule.ruleAction,
    'traffic-direction': (rule) => rule.trafficDirection,
    protocol: (rule) => (rule.protocol === undefined ? undefined : String(rule.protocol)),
    'source-cidr-block': (rule) => rule.sourceCidrBlock,
    'destination-cidr-block': (rule) => rule.destinationCidrBlock,
    description: (rule) => rule.description,
  }),
  render: (_ctx, rule) => trafficMirrorFilterRuleXml(rule),
});
