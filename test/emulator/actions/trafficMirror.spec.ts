import { describe, expect, it } from 'vitest';
import { inProcessEmulator, items } from '../support/inProcess.ts';
import type { InProcessEmulator, Params } from '../support/inProcess.ts';

const RULE = { Action: 'CreateTrafficMirrorFilterRule', TrafficDirection: 'egress', RuleNumber: 10, RuleAction: 'reject', DestinationCidrBlock: '10.0.0.0/8', SourceCidrBlock: '192.0.2.0/24' };

async function filterId(emulator: InProcessEmulator): Promise<string> {
  return (await emulator.call({ Action: 'CreateTrafficMirrorFilter', Description: 'mirror' })).body.trafficMirrorFilter.trafficMirrorFilterId;
}

describe('traffic mirror filters and rules', () => {
  it('CreateTrafficMirrorFilter answers an empty filter and clientToken', async () => {
    const answer = await inProcessEmulator().call({ Action: 'CreateTrafficMirrorFilter', Description: 'mirror', ClientToken: 'f' });
    expect(Object.keys(answer.body)).toEqual(['requestId', 'trafficMirrorFilter', 'clientToken']);
    expect(answer.body.trafficMirrorFilter).toEqual({
      trafficMirrorFilterId: expect.stringMatching(/^tmf-[0-9a-f]{17}$/),
      ingressFilterRuleSet: '',
      egressFilterRuleSet: '',
      networkServiceSet: '',
      description: 'mirror',
    });
  });

  it('CreateTrafficMirrorFilterRule answers the rule (with tags) and clientToken; the filter lists it by direction', async () => {
    const emulator = inProcessEmulator();
    const filter = await filterId(emulator);
    const tags = { 'TagSpecification.1.ResourceType': 'traffic-mirror-filter-rule', 'TagSpecification.1.Tag.1.Key': 'k', 'TagSpecification.1.Tag.1.Value': 'v' };
    const answer = await emulator.call({ ...RULE, TrafficMirrorFilterId: filter, Protocol: 17, 'DestinationPortRange.FromPort': 53, 'DestinationPortRange.ToPort': 53, Description: 'dns', ...tags, ClientToken: 'r' });
    expect(answer.body.clientToken).toBe('r');
    expect(answer.body.trafficMirrorFilterRule).toEqual({
      trafficMirrorFilterRuleId: expect.stringMatching(/^tmfr-[0-9a-f]{17}$/),
      trafficMirrorFilterId: filter,
      trafficDirection: 'egress',
      ruleNumber: '10',
      ruleAction: 'reject',
      protocol: '17',
      destinationPortRange: { fromPort: '53', toPort: '53' },
      destinationCidrBlock: '10.0.0.0/8',
      sourceCidrBlock: '192.0.2.0/24',
      description: 'dns',
      tagSet: { item: [{ key: 'k', value: 'v' }] },
    });
    await emulator.call({ ...RULE, TrafficMirrorFilterId: filter, TrafficDirection: 'ingress', RuleAction: 'accept' });
    const [described] = items((await emulator.call({ Action: 'DescribeTrafficMirrorFilters', 'TrafficMirrorFilterId.1': filter })).body.trafficMirrorFilterSet);
    expect(items(described.egressFilterRuleSet).map((rule) => rule.trafficMirrorFilterRuleId)).toEqual([answer.body.trafficMirrorFilterRule.trafficMirrorFilterRuleId]);
    expect(items(described.ingressFilterRuleSet).map((rule) => rule.ruleAction)).toEqual(['accept']);
    const byAction = await emulator.call({ Action: 'DescribeTrafficMirrorFilterRules', TrafficMirrorFilterId: filter, 'Filter.1.Name': 'rule-action', 'Filter.1.Value.1': 'accept' });
    expect(items(byAction.body.trafficMirrorFilterRuleSet)).toHaveLength(1);
    expect(items((await emulator.call({ Action: 'DescribeTrafficMirrorFilterRules', TrafficMirrorFilterId: 'tmf-0123456789abcdef0' })).body.trafficMirrorFilterRuleSet)).toEqual([]);
  });

  it('refuses a second rule with the same number and direction, and deletes rules with their filter', async () => {
    const emulator = inProcessEmulator();
    const filter = await filterId(emulator);
    const rule = (await emulator.call({ ...RULE, TrafficMirrorFilterId: filter })).body.trafficMirrorFilterRule.trafficMirrorFilterRuleId;
    expect((await emulator.call({ ...RULE, TrafficMirrorFilterId: filter, RuleAction: 'accept' })).code).toBe('TrafficMirrorFilterRuleAlreadyExists');
    expect((await emulator.call({ ...RULE, TrafficMirrorFilterId: filter, TrafficDirection: 'ingress' })).status).toBe(200);
    const deleted = await emulator.call({ Action: 'DeleteTrafficMirrorFilter', TrafficMirrorFilterId: filter });
    expect(deleted.body.trafficMirrorFilterId).toBe(filter);
    expect((await emulator.call({ Action: 'DescribeTrafficMirrorFilterRules', 'TrafficMirrorFilterRuleId.1': rule })).code).toBe('InvalidTrafficMirrorFilterRuleId.NotFound');
    const ruleGone = await emulator.call({ Action: 'DeleteTrafficMirrorFilterRule', TrafficMirrorFilterRuleId: rule });
    expect(ruleGone.code).toBe('InvalidTrafficMirrorFilterRuleId.NotFound');
  });

  it.each<[Record<string, string | number | undefined>, string]>([
    [{ TrafficMirrorFilterId: 'tmf-0123456789abcdef0' }, 'InvalidTrafficMirrorFilterId.NotFound'],
    [{ TrafficDirection: 'both' }, 'InvalidParameterValue'],
    [{ TrafficDirection: undefined }, 'MissingParameter'],
    [{ RuleNumber: 0 }, 'InvalidParameterValue'],
    [{ RuleNumber: 32767 }, 'InvalidParameterValue'],
    [{ RuleAction: 'drop' }, 'InvalidParameterValue'],
    [{ SourceCidrBlock: 'anywhere' }, 'InvalidParameterValue'],
    [{ DestinationCidrBlock: undefined }, 'MissingParameter'],
    [{ Protocol: 256 }, 'InvalidParameterValue'],
    [{ 'SourcePortRange.FromPort': 80 }, 'InvalidParameterCombination'],
    [{ Protocol: 6, 'SourcePortRange.FromPort': 90, 'SourcePortRange.ToPort': 80 }, 'InvalidParameterValue'],
    [{ 'TagSpecification.1.ResourceType': 'traffic-mirror-filter', 'TagSpecification.1.Tag.1.Key': 'k' }, 'InvalidParameterValue'],
  ])('CreateTrafficMirrorFilterRule refuses %j with %s', async (change, code) => {
    const emulator = inProcessEmulator();
    const params = Object.fromEntries(Object.entries({ ...RULE, TrafficMirrorFilterId: await filterId(emulator), ...change }).filter(([, value]) => value !== undefined));
    expect((await emulator.call(params as Params)).code).toBe(code);
  });
});
