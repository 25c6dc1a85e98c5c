// CreateTrafficMirrorFilterRule: a rule of an existing filter, answered as `trafficMirrorFilterRule`
// plus the `clientToken` echo; rules take tags of type traffic-mirror-filter-rule. Token-taking,
// limit 64 (REF-TOKEN-FORM). One rule number per filter and direction.
import type { RequestContext } from '../context.ts';
import { Ec2Fault } from '../errors.ts';
import { newResourceId } from '../ids.ts';
import type { IdempotentAction } from '../idempotency.ts';
import { findListed } from '../lookup.ts';
import { trafficMirrorFilterRuleXml } from '../render/trafficMirrorFilterRule.ts';
import { TRAFFIC_MIRROR_FILTERS } from '../resourceKinds.ts';
import type { TrafficMirrorFilterRule } from '../resources.ts';
import type { Tag } from '../store.ts';
import { readTagSpecifications } from '../tags.ts';
import type { Committed } from '../tokenTable.ts';
import { readTrafficMirrorRuleSpec } from '../trafficMirrorRuleSpec.ts';
import type { TrafficMirrorRuleSpec } from '../trafficMirrorRuleSpec.ts';

interface CreateRuleInput extends TrafficMirrorRuleSpec {
  tags: Tag[];
}

function validate(ctx: RequestContext): CreateRuleInput {
  const spec = readTrafficMirrorRuleSpec(ctx.params);
  const tags = readTagSpecifications(ctx.params, 'TagSpecification', ['traffic-mirror-filter-rule']).get('traffic-mirror-filter-rule') ?? [];
  return { ...spec, tags };
}

function create(ctx: RequestContext, input: CreateRuleInput, token: string | undefined): Committed {
  const { store } = ctx;
  const filter = findListed(ctx, TRAFFIC_MIRROR_FILTERS, input.filterId);
  const taken = [...store.trafficMirrorFilterRules.values()].some(
    (rule) => rule.filterId === filter.id && rule.trafficDirection === input.trafficDirection && rule.ruleNumber === input.ruleNumber,
  );
  if (taken) {
    throw new Ec2Fault('TrafficMirrorFilterRuleAlreadyExists', `The ${input.trafficDirection} rule number ${input.ruleNumber} already exists in ${filter.id}.`);
  }
  const { tags, ...spec } = input;
  const rule: TrafficMirrorFilterRule = { ...spec, id: newResourceId('tmfr'), createdAt: ctx.now(), tags };
  store.trafficMirrorFilterRules.add(rule);
  const answer = { trafficMirrorFilterRule: trafficMirrorFilterRuleXml(rule), clientToken: token };
  return { render: () => answer, isRetired: () => !store.trafficMirrorFilterRules.has(rule.id) };
}

export const createTrafficMirrorFilterRule: IdempotentAction<CreateRuleInput> = {
  name: 'CreateTrafficMirrorFilterRule',
  tokenLimit: 64,
  quirks: (bugs) => ({ mismatchStillCreates: bugs.on('tmfr-mismatch-still-creates') }),
  validate,
  create,
};
