import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { toJUnit } from '../../reports/junit.ts';
import { hostile } from './fixtures/hostile.ts';
import { deviation, notApplicable, passed, replayOf, sampleReport } from './fixtures/sampleReport.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testcase', 'property'].includes(name) });

/** Characters XML 1.0 forbids even as entities (lone surrogates included). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).not.toMatch(NOT_XML);
  return parser.parse(xml).testsuites;
}

describe('toJUnit', () => {
  it('matches the golden file for the sample report', async () => {
    await expect(toJUnit(sampleReport())).toMatchFileSnapshot('__snapshots__/sample.junit.xml');
  });

  it('parses back with the right counts, one testcase per result, and the run properties', () => {
    // Act
    const suites = parse(toJUnit(sampleReport()));
    const suite = suites.testsuite;
    // Assert: 1 violation; a MUST rule inconclusive and a crash are errors (they keep the run from
    // conformant); the deviation and the not-applicable result are skipped; the run's own verdict
    // is the last testcase, failed because a rule was shown broken.
    expect(suite).toMatchObject({ name: 'ec2-idempotency-conformance', tests: '7', failures: '2', errors: '2', skipped: '2', time: '10.837' });
    expect(suites).toMatchObject({ tests: '7', failures: '2', errors: '2', skipped: '2' });
    const cases = suite.testcase as any[];
    expect(cases.map((c) => `${c.classname} ${c.name}`)).toEqual([
      'TOKEN-FORMAT CreateLaunchTemplate',
      'TOKEN-CASE RunInstances',
      'SAME-RESPONSE RunInstances',
      'LOST-RESPONSE RunInstances',
      'ACCOUNT-SCOPE RunInstances',
      'DRYRUN CreateLaunchTemplate',
      'RUN verdict',
    ]);
    expect(cases.filter((c) => c.failure).map((c) => c.classname)).toEqual(['LOST-RESPONSE', 'RUN']);
    expect(cases.at(-1).failure.message).toBe('not-conformant: a rule was shown broken');
    expect(cases.filter((c) => c.error).map((c) => [c.classname, c.error.type])).toEqual([['TOKEN-CASE', 'inconclusive'], ['DRYRUN', 'error']]);
    expect(cases.filter((c) => c.skipped).map((c) => c.classname)).toEqual(['TOKEN-FORMAT', 'ACCOUNT-SCOPE']);
    const properties = Object.fromEntries(suite.properties.property.map((p: any) => [p.name, p.value]));
    expect(properties).toMatchObject({ seed: '42', profile: 'seed', target: 'moto', conformance: 'not-conformant' });
  });

  it('puts the counterexample, replay command and transcript in the failure body', () => {
    const failure = (parse(toJUnit(sampleReport())).testsuite.testcase as any[])[3].failure;
    expect(failure.type).toBe('LOST-RESPONSE');
    expect(failure.message).not.toContain('\n');
    expect(failure['#text']).toContain('Seed: 1234567');
    expect(failure['#text']).toContain(`Replay: ${replayOf('LOST-RESPONSE', 'RunInstances', '16:0:0:1')}`);
    expect(failure['#text']).toContain('⚡ injected fault: drop-response');
    expect(failure['#text']).toContain('✗ ECONNREFUSED: refused (fault-injected)');
  });

  it('shows a documented deviation as skipped with its reason, and keeps the evidence in system-out', () => {
    const [testcase] = parse(toJUnit(sampleReport([deviation]))).testsuite.testcase as any[];
    expect(testcase.skipped.message).toBe('documented deviation: moto does not check token length');
    expect(testcase['system-out']).toContain('a 65-character token was accepted');
  });

  it('reports a conformant run with no failures and honours suiteName', () => {
    const suites = parse(toJUnit(sampleReport([passed, notApplicable]), { suiteName: 'moto nightly' }));
    expect(suites.testsuite).toMatchObject({ name: 'moto nightly', failures: '0', errors: '0', skipped: '1' });
  });

  it('stays well-formed with <, &, ]]>, quotes, non-ASCII, control characters and a lone surrogate', () => {
    // Act
    const testcase = (parse(toJUnit(sampleReport([hostile]))).testsuite.testcase as any[])[0];
    // Assert: the text survives the round trip; forbidden characters are shown as \uXXXX.
    const text: string = testcase.failure['#text'];
    expect(text).toContain('a < b && c > d ]]> <![CDATA[x]]> "q"');
    expect(text).toContain('é 日本 🚀');
    expect(text).toContain('\\u0001');
    expect(text).toContain('X]]>: a < b');
    const message: string = testcase.failure.message;
    expect(message).toMatch(/^mismatch: a < b && c > d \]\]> .* second line$/);
    expect(message).toContain('\\ud800');
  });
});
