import { describe, expect, it } from 'vitest';
import { applyExpectations, type Expectations } from '../../reports/expectations.ts';
import type { RuleResult } from '../../reports/model.ts';

const result = (rule: RuleResult['rule'], action: string, status: RuleResult['status'], message = 'same token, InstanceType changed: expected IdempotentParameterMismatch with HTTP 400, got 200 RunInstancesResponse'): RuleResult => ({
  rule, action, status, runs: 1, requests: 1, resourcesCreated: 0, durationMs: 1,
  title: 't', strength: 'MUST', source: { ref: 'REF-TOKEN-FORM', link: 'https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html#client-tokens' },
  ...(status === 'failed' ? { failure: { message, input: '{}', seed: 1, path: '0', shrinks: 0, transcript: [], replay: 'npx ec2-idem run' } } : {}),
  ...(status === 'inconclusive' || status === 'error' ? { reason: message } : {}),
});

const expectations: Expectations = {
  target: 'moto',
  deviations: [
    { rule: 'PARAM-MISMATCH', message: 'expected IdempotentParameterMismatch', reason: 'no mismatch in moto', link: 'https://example.test/1', expires: '2027-01-01' },
    { rule: 'DESCRIBE-TOKEN', actions: ['RunInstances'], message: '.', reason: 'no filter', expires: '2026-01-01' },
    { rule: 'TOKEN-CASE', status: 'inconclusive', message: '^positive control failed', reason: 'was broken', expires: '2027-01-01' },
  ],
};

describe('applyExpectations', () => {
  const applied = applyExpectations(
    [
      result('PARAM-MISMATCH', 'RunInstances', 'failed'),
      result('PARAM-MISMATCH', 'CreateLaunchTemplate', 'failed'),
      result('DESCRIBE-TOKEN', 'RunInstances', 'failed'),
      result('TOKEN-CASE', 'RunInstances', 'passed'),
      result('SAME-RESPONSE', 'RunInstances', 'failed'),
    ],
    expectations,
    '2026-11-28',
  );

  it('documents failures a current entry covers, for every action unless the entry names some', () => {
    expect(applied.results[0]?.deviation).toEqual({ reason: 'no mismatch in moto', link: 'https://example.test/1', expires: '2027-01-01' });
    expect(applied.results[1]?.deviation?.reason).toBe('no mismatch in moto');
    expect(applied.results[4]?.deviation).toBeUndefined();
  });

  it('an expired entry excuses nothing and is reported', () => {
    expect(applied.results[2]?.deviation).toBeUndefined();
    expect(applied.notices).toContain('expired deviation: DESCRIBE-TOKEN (RunInstances) expired on 2026-01-01; fix the target or renew the entry with a reason');
  });

  it('an unexpected pass is reported, and makes the list stale', () => {
    expect(applied.notices.some((n) => n.startsWith('unexpected pass: TOKEN-CASE RunInstances passed'))).toBe(true);
    expect(applied.stale).toBe(true);
  });

  it('a clean list is not stale', () => {
    const clean = applyExpectations([result('PARAM-MISMATCH', 'RunInstances', 'failed')], { target: 'x', deviations: [expectations.deviations[0]!] }, '2026-11-28');
    expect(clean).toMatchObject({ notices: [], stale: false });
  });

  it('excuses only the documented way of failing: another message, a crash or another status is reported, not excused', () => {
    const entry = expectations.deviations[0]!;
    const other = applyExpectations(
      [
        result('PARAM-MISMATCH', 'RunInstances', 'failed', 'first create: expected success, got 500 InternalError'),
        result('PARAM-MISMATCH', 'CreateLaunchTemplate', 'error', 'the rule crashed: TypeError: x is undefined'),
      ],
      { target: 'x', deviations: [entry] },
      '2026-11-28',
    );
    expect(other.results.map((r) => r.deviation)).toEqual([undefined, undefined]);
    expect(other.notices).toEqual([
      'PARAM-MISMATCH RunInstances fails differently from its documented deviation: expected failed with a message matching /expected IdempotentParameterMismatch/, got failed: first create: expected success, got 500 InternalError',
      'PARAM-MISMATCH CreateLaunchTemplate fails differently from its documented deviation: expected failed with a message matching /expected IdempotentParameterMismatch/, got error: the rule crashed: TypeError: x is undefined',
    ]);
    expect(other.stale).toBe(true);
  });

  it('documents an inconclusive result when the entry says so, by its reason', () => {
    const applied = applyExpectations([result('TOKEN-CASE', 'RunInstances', 'inconclusive', 'positive control failed: the exact replay answered [i-2], not [i-1]')], expectations, '2026-11-28');
    expect(applied.results[0]?.deviation?.reason).toBe('was broken');
    const failedInstead = applyExpectations([result('TOKEN-CASE', 'RunInstances', 'failed', 'positive control failed: x')], expectations, '2026-11-28');
    expect(failedInstead.results[0]?.deviation).toBeUndefined();
  });
});
