import { describe, expect, it } from 'vitest';
import { applyExpectations, type Expectations } from '../../reports/expectations.ts';
import type { RuleResult } from '../../reports/model.ts';

const result = (rule: RuleResult['rule'], action: string, status: RuleResult['status']): RuleResult => ({
  rule, action, status, runs: 1, requests: 1, resourcesCreated: 0, durationMs: 1,
  title: 't', strength: 'MUST', source: { key: 'K', fact: 'R1', sentence: 's' },
});

const expectations: Expectations = {
  target: 'moto',
  deviations: [
    { rule: 'PARAM-MISMATCH', reason: 'no mismatch in moto', link: 'https://example.test/1', expires: '2027-01-01' },
    { rule: 'DESCRIBE-TOKEN', actions: ['RunInstances'], reason: 'no filter', expires: '2026-01-01' },
    { rule: 'TOKEN-CASE', reason: 'was broken', expires: '2027-01-01' },
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
});
