import { fc, test } from '@fast-check/vitest';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect } from 'vitest';
import { exitCodeOf } from '../../cli/runConformance.ts';
import { buildRunReport } from '../../reports/build.ts';
import { toJUnit } from '../../reports/junit.ts';
import { toMarkdown } from '../../reports/markdown.ts';
import type { RuleResult } from '../../reports/model.ts';
import { RULE_IDS } from '../../specs/ruleIds.ts';
import { sampleReport } from './fixtures/sampleReport.ts';

// junit.xml, summary.md and the exit code always agree: whatever the results, a CI page is red
// exactly when the exit code is not 0, and the summary's headline names the same verdict.
const result: fc.Arbitrary<RuleResult> = fc
  .record({
    rule: fc.constantFrom(...RULE_IDS),
    action: fc.constantFrom('RunInstances', 'CreateLaunchTemplate'),
    status: fc.constantFrom('passed', 'failed', 'inconclusive', 'error', 'not-applicable', 'skipped') as fc.Arbitrary<RuleResult['status']>,
    strength: fc.constantFrom('MUST', 'SHOULD') as fc.Arbitrary<RuleResult['strength']>,
    documented: fc.boolean(),
  })
  .map(({ documented, ...r }) => ({
    ...r,
    title: 't',
    source: { ref: 'REF-REPLAY', link: 'https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html' },
    runs: 5,
    requests: 10,
    resourcesCreated: 1,
    durationMs: 1,
    ...(r.status === 'passed' ? {} : { reason: `${r.status} because` }),
    ...(documented && (r.status === 'failed' || r.status === 'inconclusive') ? { deviation: { reason: 'known', expires: '2027-01-01' } } : {}),
  }));

const HEADLINES = { conformant: '# ✅', 'conformant-with-deviations': '# ⚠️', 'not-conformant': '# ❌', inconclusive: '# ❔', untested: '# ⛔' } as const;

describe('the verdict in report.json, junit.xml, summary.md and the exit code', () => {
  test.prop([fc.array(result, { maxLength: 8 }), fc.nat(2), fc.option(fc.constant('3 of the last 40 answers were not EC2 answers'), { nil: undefined })])(
    'agree for any set of results',
    (results, leftBehind, stopped) => {
      const { run, target, tool } = sampleReport();
      const report = buildRunReport({ results, run: { ...run, ...(stopped ? { stopped } : {}) }, target, tool, resourcesLeftBehind: leftBehind });
      const exit = exitCodeOf(report, false);
      const suite = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(toJUnit(report)).testsuites.testsuite;
      const red = Number(suite.failures) + Number(suite.errors) > 0;
      expect(red).toBe(exit !== 0);
      expect(exit === 0).toBe(report.conformance === 'conformant' || report.conformance === 'conformant-with-deviations');
      expect(toMarkdown(report).startsWith(HEADLINES[report.conformance])).toBe(true);
    },
  );
});
