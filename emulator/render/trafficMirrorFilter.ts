// The TrafficMirrorFilter shape, with the rules passed in split by direction (none in a create's
// answer; the visible ones in a describe).
import type { TrafficMirrorFilter, TrafficMirrorFilterRule } from '../resources.ts';
import { xmlList } from '../xml.ts';
import type { XmlNode } from '../xml.ts';
import { tagSetXml } from './common.ts';
import { trafficMirrorFilterRuleXml } from './trafficMirrorFilterRule.ts';

export function trafficMirrorFilterXml(filter: TrafficMirrorFilter, rules: readonly TrafficMirrorFilterRule[]): XmlNode {
  const inDirection = (direction: string): XmlNode =>
    xmlList(rules.filter((rule) => rule.trafficDirection === direction).map(trafficMirrorFilterRuleXml));
  return {
    trafficMirrorFilterId: filter.id,
    ingressFilterRuleSet: inDirection('ingress'),
    egressFilterRuleSet: inDirection('egress'),
    networkServiceSet: xmlList([]),
    description: filter.description,
    tagSet: tagSetXml(filter.tags),
  };
}
