import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA_VERSION } from '../../reports/model.ts';
import schema from '../../reports/run-report.schema.json' with { type: 'json' };
import { checkRunReport } from '../../reports/validate.ts';
import { RULE_IDS } from '../../specs/ruleIds.ts';
import { sampleReport } from './fixtures/sampleReport.ts';

/** What report.json holds after a round trip: undefined fields gone, readonly gone. */
function asJson(value: unknown): any {
  return JSON.parse(JSON.stringify(value));
}

describe('run-report.schema.json', () => {
  it('accepts the sample report (every result kind) and an empty run', () => {
    expect(checkRunReport(asJson(sampleReport()))).toEqual([]);
    expect(checkRunReport(asJson(sampleReport([])))).toEqual([]);
  });

  it('stays in step with the model: schema version, rule ids', () => {
    expect(schema.properties.schemaVersion.const).toBe(REPORT_SCHEMA_VERSION);
    expect(schema.definitions.ruleId.anyOf[0]?.enum).toEqual([...RULE_IDS]);
    expect(schema.$id).toMatch(/run-report\.schema\.json$/);
  });

  it('rejects a broken report with messages that name the JSON path and the problem', () => {
    // Arrange
    const report = asJson(sampleReport());
    report.rules[1].status = 'ok';
    delete report.totals.passed;
    report.rules[0].failure.transcript[0].surprise = true;
    report.schemaVersion = 1;
    // Act
    const problems = checkRunReport(report);
    // Assert
    expect(problems).toEqual(
      expect.arrayContaining([
        '/schemaVersion: must be equal to constant 3',
        '/rules/1/status: must be equal to one of the allowed values ["passed","failed","inconclusive","error","not-applicable","skipped"]',
        "/totals: must have required property 'passed'",
        "/rules/0/failure/transcript/0: must NOT have additional properties 'surprise'",
      ]),
    );
  });

  it.each([
    ['an unknown rule id', (r: any) => (r.rules[0].rule = 'NOT-A-RULE'), '/rules/0/rule'],
    ['a negative count', (r: any) => (r.totals.requests = -1), '/totals/requests'],
    ['a start time that is not a date-time', (r: any) => (r.run.startedAt = 'yesterday'), '/run/startedAt'],
    ['an unknown conformance', (r: any) => (r.conformance = 'mostly'), '/conformance'],
    ['a deviation without expiry', (r: any) => delete r.rules[0].deviation.expires, '/rules/0/deviation'],
    ['a rule source quoting a sentence (schema 2)', (r: any) => (r.rules[0].source = { key: 'IDEM', fact: 'R1', sentence: 's' }), '/rules/0/source'],
    ['a source link that is not https', (r: any) => (r.rules[0].source.link = 'http://docs.aws.amazon.com/'), '/rules/0/source/link'],
    ['no rule catalogue version', (r: any) => delete r.tool.ruleCatalogueVersion, '/tool'],
  ])('rejects %s', (_name, breakIt, path) => {
    const report = asJson(sampleReport());
    breakIt(report);
    expect(checkRunReport(report).join('\n')).toContain(path);
  });

  it('rejects what is not a report at all', () => {
    expect(checkRunReport(null)).toEqual(['(report): must be object']);
  });
});
