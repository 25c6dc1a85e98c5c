import { describe, expect, it } from 'vitest';
import { buildRunReport, conformanceOf } from '../../reports/build.ts';
import type { RuleResult } from '../../reports/model.ts';
import { RULE_CATALOGUE_VERSION } from '../../specs/catalogVersion.ts';
import { deviation, failed, notApplicable, passed, sampleReport } from './fixtures/sampleReport.ts';

const crashed: RuleResult = { ...passed, rule: 'AT-MOST-ONCE', status: 'error', reason: 'crashed before producing a verdict: socket hang up' };
const skipped: RuleResult = { ...notApplicable, rule: 'DRYRUN', status: 'skipped', reason: 'budget: maxLaunches (10) spent' };
const skippedShould: RuleResult = { ...skipped, strength: 'SHOULD' };
const inconclusive: RuleResult = { ...passed, rule: 'TOKEN-CASE', status: 'inconclusive', reason: 'positive control failed: the exact replay answered [i-2], not [i-1]' };
const inconclusiveShould: RuleResult = { ...inconclusive, rule: 'ACTION-SCOPE', strength: 'SHOULD' };
const documentedInconclusive: RuleResult = { ...inconclusive, deviation: { reason: 'never replays', expires: '2027-01-01' } };

describe('conformanceOf', () => {
  it.each<[string, RuleResult[], number, string]>([
    ['all passed', [passed], 0, 'conformant'],
    ['passed and not-applicable', [passed, notApplicable], 0, 'conformant'],
    ['passed, and a SHOULD rule skipped or inconclusive', [passed, skippedShould, inconclusiveShould], 0, 'conformant'],
    ['a MUST rule skipped (not shown)', [passed, skipped], 0, 'inconclusive'],
    ['a MUST rule inconclusive', [passed, inconclusive], 0, 'inconclusive'],
    ['a crash of the suite, whatever passed', [passed, crashed], 0, 'inconclusive'],
    ['nothing passed: only inconclusive results', [inconclusive, inconclusiveShould], 0, 'inconclusive'],
    ['nothing passed: only documented deviations', [deviation, documentedInconclusive], 0, 'inconclusive'],
    ['no results at all', [], 0, 'untested'],
    ['nothing ran: not-applicable and skipped only', [notApplicable, skipped], 0, 'untested'],
    ['every failure documented', [passed, deviation], 0, 'conformant-with-deviations'],
    ['a documented inconclusive MUST rule', [passed, documentedInconclusive], 0, 'conformant-with-deviations'],
    ['an undocumented failure', [passed, failed], 0, 'not-conformant'],
    ['an undocumented failure beside a documented one', [deviation, failed], 0, 'not-conformant'],
    ['a failure beside inconclusive results: shown broken wins', [inconclusive, crashed, failed], 0, 'not-conformant'],
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
    const report = buildRunReport({ ...inputOf([passed, failed, deviation, notApplicable, skipped, crashed, inconclusive, documentedInconclusive]), resourcesLeftBehind: 2 });
    expect(report.totals).toEqual({
      passed: 1,
      failed: 2,
      inconclusive: 2,
      errors: 1,
      notApplicable: 1,
      skipped: 1,
      deviations: 2,
      requests: passed.requests * 3 + failed.requests + deviation.requests + crashed.requests,
      resourcesCreated: passed.resourcesCreated * 3 + failed.resourcesCreated + crashed.resourcesCreated,
      resourcesLeftBehind: 2,
    });
    expect(report.conformance).toBe('not-conformant');
    expect(report.schemaVersion).toBe(3);
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

  it('says which rule catalogue judged the results, whatever the caller passed', () => {
    const tool = { name: 'ec2-idempotency-conformance', version: '9.9.9' };
    expect(buildRunReport({ ...inputOf([passed]), tool }).tool).toEqual({ ...tool, ruleCatalogueVersion: RULE_CATALOGUE_VERSION });
    const stale = { ...tool, ruleCatalogueVersion: 1 } as typeof tool;
    expect(buildRunReport({ ...inputOf([passed]), tool: stale }).tool.ruleCatalogueVersion).toBe(RULE_CATALOGUE_VERSION);
  });
});

function inputOf(results: readonly RuleResult[]) {
  const { run, target, tool } = sampleReport();
  return { results, run, target, tool, resourcesLeftBehind: 0 };
}
