// The TrafficMirrorFilterRule shape: CreateTrafficMirrorFilterRule's answer, the items of
// DescribeTrafficMirrorFilterRules, and a filter's ingress and egress rule sets.
import type { PortRange, TrafficMirrorFilterRule } from '../resources.ts';
import type { XmlNode } from '../xml.ts';
import { tagSetXml } from './common.ts';

function portRangeXml(range: PortRange | undefined): XmlNode | undefined {
  return range === undefined ? undefined : { fromPort: range.fromPort, toPort: range.toPort };
}

export function trafficMirrorFilterRuleXml(rule: TrafficMirrorFilterRule): XmlNode {
  return {
    trafficMirrorFilterRuleId: rule.id,
    trafficMirrorFilterId: rule.filterId,
    trafficDirection: rule.trafficDirection,
    ruleNumber: rule.ruleNumber,
    ruleAction: rule.ruleAction,
    protocol: rule.protocol,
    destinationPortRange: portRangeXml(rule.destinationPortRange),
    sourcePortRange: portRangeXml(rule.sourcePortRange),
    destinationCidrBlock: rule.destinationCidrBlock,
    sourceCidrBlock: rule.sourceCidrBlock,
    description: rule.description,
    tagSet: tagSetXml(rule.tags),
  };
}
