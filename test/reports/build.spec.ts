import { describe, expect, it } from 'vitest';
import { buildRunReport, conformanceOf } from '../../reports/build.ts';
import type { RuleResult } from '../../reports/model.ts';
import { deviation, failed, notApplicable, passed, sampleReport } from './fixtures/sampleReport.ts';

const crashed: RuleResult = { ...passed, rule: 'AT-MOST-ONCE', status: 'failed', reason: 'crashed before producing a verdict: socket hang up' };
const skipped: RuleResult = { ...notApplicable, rule: 'DRYRUN', status: 'skipped', reason: 'skipped by the test runner' };

describe('conformanceOf', () => {
  it.each<[string, RuleResult[], number, string]>([
    ['all passed', [passed], 0, 'conformant'],
    ['passed, not-applicable and skipped', [passed, notApplicable, skipped], 0, 'conformant'],
    ['no results at all', [], 0, 'conformant'],
    ['every failure documented', [passed, deviation], 0, 'conformant-with-deviations'],
    ['an undocumented failure', [passed, failed], 0, 'not-conformant'],
    ['an undocumented failure beside a documented one', [deviation, failed], 0, 'not-conformant'],
    ['a crash (failed without a counterexample)', [crashed], 0, 'not-conformant'],
    ['a leak, even when every rule passed', [passed], 1, 'not-conformant'],
    ['a leak with only documented failures', [deviation], 3, 'not-conformant'],
    // A deviation entry on a passing rule is an unexpected pass: a notice, not a deviation.
    ['a passed rule that carries a deviation', [{ ...passed, deviation: deviation.deviation }], 0, 'conformant'],
  ])('%s → %s', (_name, results, leftBehind, expected) => {
    expect(conformanceOf(results, leftBehind)).toBe(expected);
  });
});

describe('buildRunReport', () => {
  it('counts each status, deviations apart, and sums requests and resources', () => {
    const report = buildRunReport({ ...inputOf([passed, failed, deviation, notApplicable, skipped, crashed]), resourcesLeftBehind: 2 });
    expect(report.totals).toEqual({
      passed: 1,
      failed: 3,
      notApplicable: 1,
      skipped: 1,
      deviations: 1,
      requests: passed.requests + failed.requests + deviation.requests + crashed.requests,
      resourcesCreated: passed.resourcesCreated + failed.resourcesCreated + crashed.resourcesCreated,
      resourcesLeftBehind: 2,
    });
    expect(report.conformance).toBe('not-conformant');
    expect(report.schemaVersion).toBe(1);
  });

  it('orders results by RULE_IDS, then action, whatever order they finished in', () => {
    const b = { ...passed, rule: 'TOKEN-FORMAT', action: 'RunInstances' } as const;
    const a = { ...passed, rule: 'TOKEN-FORMAT', action: 'CreateLaunchTemplate' } as const;
    const report = buildRunReport(inputOf([notApplicable, failed, b, passed, a]));
    expect(report.rules.map((r) => `${r.rule} ${r.action}`)).toEqual([
      'TOKEN-FORMAT CreateLaunchTemplate',
      'TOKEN-FORMAT RunInstances',
      'SAME-RESPONSE RunInstances',
      'LOST-RESPONSE RunInstances',
      'ACCOUNT-SCOPE RunInstances',
    ]);
  });

  it('keeps duplicates in input order and does not touch its input', () => {
    const first = { ...passed, runs: 1 };
    const second = { ...passed, runs: 2 };
    const results = Object.freeze([second, first]);
    expect(buildRunReport(inputOf(results)).rules.map((r) => r.runs)).toEqual([2, 1]);
    expect(results).toEqual([second, first]);
  });

  it('defaults notices to an empty list and copies run, target and tool as given', () => {
    const input = inputOf([passed]);
    const report = buildRunReport(input);
    expect(report.notices).toEqual([]);
    expect(report).toMatchObject({ run: input.run, target: input.target, tool: input.tool });
  });
});

function inputOf(results: readonly RuleResult[]) {
  const { run, target, tool } = sampleReport();
  return { results, run, target, tool, resourcesLeftBehind: 0 };
}
