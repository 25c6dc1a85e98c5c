import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { TaskMeta } from 'vitest';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startVitest, type TestCase, type TestResult } from 'vitest/node';
import { readResult, ResultCollector, type TestCaseView } from '../../reports/collect.ts';
import { appendVerdictLine } from '../../reports/emit.ts';
import { ProgressReporter } from '../../reports/progress.ts';
import { failed, notApplicable, passed } from './fixtures/sampleReport.ts';

function fakeCase(name: string, result: TestResult, meta: TaskMeta = {}): TestCaseView {
  return { id: name, name, fullName: `conformance > ${name}`, meta: () => meta, result: () => result, diagnostic: () => undefined };
}

const failedWith = (message: string): TestResult => ({ state: 'failed', errors: [{ message }] });

describe('readResult', () => {
  it('returns the attached result as is', () => {
    expect(readResult(fakeCase('SAME-RESPONSE RunInstances', { state: 'passed', errors: undefined }, { result: passed }))).toEqual({ result: passed });
    expect(readResult(fakeCase('LOST-RESPONSE RunInstances', failedWith('boom'), { result: failed }))).toEqual({ result: failed });
  });

  it('synthesizes an error (a crash is no verdict on the endpoint) from the test name and the first line of the error', () => {
    const { result, warning } = readResult(fakeCase('AT-MOST-ONCE CreateLaunchTemplate', failedWith('socket hang up\n    at x')));
    expect(result).toMatchObject({ rule: 'AT-MOST-ONCE', action: 'CreateLaunchTemplate', status: 'error', runs: 0, requests: 0 });
    expect(result?.reason).toBe('crashed before producing a verdict: socket hang up');
    expect(result?.failure).toBeUndefined();
    expect(warning).toBe('conformance > AT-MOST-ONCE CreateLaunchTemplate crashed before producing a verdict: socket hang up');
  });

  it.each<[string, TestResult, string]>([
    ['passed without a verdict', { state: 'passed', errors: undefined }, 'the test passed but attached no verdict (a spec worker bug)'],
    ['still pending at the end', { state: 'pending', errors: undefined }, 'did not finish: the run ended first'],
  ])('counts a test %s as an error, with a warning', (_name, state, reason) => {
    const { result, warning } = readResult(fakeCase('DRYRUN RunInstances', state));
    expect(result).toMatchObject({ status: 'error', reason });
    expect(warning).toContain(reason);
  });

  it('keeps a test skipped by the runner as skipped, without a warning', () => {
    expect(readResult(fakeCase('DRYRUN RunInstances', { state: 'skipped', errors: undefined, note: 'no terminate capability' }))).toEqual({
      result: expect.objectContaining({ status: 'skipped', reason: 'no terminate capability' }),
    });
  });

  it('uses the rule header the CLI supplies, or a placeholder', () => {
    const header = { title: 'Token of 1–64 ASCII', strength: 'SHOULD', source: { ref: 'REF-TOKEN-FORM', link: 'https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html#client-tokens' } } as const;
    const crashed = fakeCase('TOKEN-FORMAT RunInstances', failedWith('x'));
    expect(readResult(crashed, () => header).result).toMatchObject(header);
    expect(readResult(crashed).result).toMatchObject({ title: 'conformance > TOKEN-FORMAT RunInstances', strength: 'MUST', source: { ref: 'unknown', link: '' } });
  });

  it('ignores, with a warning, a test that is not "RULE-ID ACTION" and has no verdict', () => {
    const { result, warning } = readResult(fakeCase('helper works', { state: 'passed', errors: undefined }));
    expect(result).toBeUndefined();
    expect(warning).toContain('is not a "RULE-ID ACTION" test');
  });

  it('warns when vitest failed a test whose verdict says otherwise', () => {
    expect(readResult(fakeCase('SAME-RESPONSE RunInstances', failedWith('afterEach threw'), { result: passed })).warning).toBe(
      'conformance > SAME-RESPONSE RunInstances failed in vitest (afterEach threw) but its verdict is passed',
    );
  });
});

describe('ResultCollector', () => {
  it('warns, never throws, when recording a result fails', async () => {
    const warnings: string[] = [];
    const collector = new ResultCollector({ warn: (m) => warnings.push(m), onResult: () => Promise.reject(new Error('disk full')) });
    await collector.onTestCaseResult(fakeCase('SAME-RESPONSE RunInstances', { state: 'passed', errors: undefined }, { result: passed }) as TestCase);
    expect(collector.results).toEqual([passed]);
    expect(warnings).toEqual(['[ec2-idem reports] could not record the result of conformance > SAME-RESPONSE RunInstances: Error: disk full']);
  });

  it('notices a module that created resources without reporting cleanup, unhandled errors, and unreadable modules', async () => {
    // Arrange: fakes of vitest's TestModule, only the members the collector reads
    const created = fakeCase('SAME-RESPONSE RunInstances', { state: 'passed', errors: undefined }, { result: passed });
    const module = (name: string, tests: TestCaseView[]) => ({ relativeModuleId: name, children: { allTests: () => tests.values() }, errors: () => [], meta: () => ({}) });
    const broken = { relativeModuleId: 'broken.spec.ts', children: { allTests: () => { throw new Error('no tree'); } } };
    const collector = new ResultCollector({ warn: () => {} });
    // Act
    await collector.onTestRunEnd([module('conformance.spec.ts', [created]), broken] as never, [{ message: 'EPIPE\nstack' }], 'failed');
    // Assert
    expect((await collector.done).notices).toEqual([
      `conformance.spec.ts created ${passed.resourcesCreated} resources but reported no cleanup: check for leftovers`,
      'could not read the results of broken.spec.ts: Error: no tree',
      'unhandled error during the run: EPIPE',
    ]);
  });

  it('collects a real vitest run: attached results, a crash, a skip, module cleanup; streams lines as it goes', async () => {
    // Arrange
    const dir = await mkdtemp(join(tmpdir(), 'ec2-idem-collect-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const warnings: string[] = [];
    const collector = new ResultCollector({ warn: (m) => warnings.push(m), onResult: (r) => appendVerdictLine(dir, r).then(() => {}) });
    const out = new PassThrough();
    let progress = '';
    out.on('data', (chunk: Buffer) => (progress += chunk.toString()));
    const exitCode = process.exitCode;
    // Act
    const vitest = await startVitest('test', [], {
      watch: false,
      config: false,
      root: join(import.meta.dirname, 'fixtures', 'run'),
      include: ['rules.fixture.ts'],
      reporters: [collector, new ProgressReporter(out)],
    }, { cacheDir: join(dir, 'vite-cache') }); // keep vitest's results cache out of the source tree
    const run = await collector.done;
    await vitest.close();
    process.exitCode = exitCode; // the nested run sets it for its own failures
    // Assert
    expect(run.results.map((r) => [r.rule, r.status])).toEqual([
      ['SAME-RESPONSE', 'passed'],
      ['LOST-RESPONSE', 'failed'],
      ['ACCOUNT-SCOPE', 'not-applicable'],
      ['AT-MOST-ONCE', 'error'],
      ['DRYRUN', 'skipped'],
    ]);
    expect(run.results[1]).toEqual(failed); // survives the worker boundary intact
    expect(run.results[2]).toEqual(notApplicable);
    expect(run.results[3]?.reason).toBe('crashed before producing a verdict: socket hang up');
    expect(run.resourcesLeftBehind).toBe(2);
    expect(run.reason).toBe('failed');
    expect(run.notices).toEqual([
      'AT-MOST-ONCE RunInstances crashed before producing a verdict: socket hang up',
      'a helper test that is not a rule is not a "RULE-ID ACTION" test and attached no verdict; ignored',
    ]);
    expect(warnings).toEqual(run.notices.map((n) => `[ec2-idem reports] ${n}`));
    expect((await readFile(join(dir, 'verdicts.jsonl'), 'utf8')).trimEnd().split('\n')).toHaveLength(5);
    expect(progress.split('\n').map((line) => line.slice(0, 30))).toEqual([
      '✓ SAME-RESPONSE RunInstances  ',
      '✗ LOST-RESPONSE RunInstances  ',
      '– ACCOUNT-SCOPE RunInstances  ',
      '! AT-MOST-ONCE RunInstances  0',
      '↓ DRYRUN RunInstances  0 runs ',
      '',
    ]);
  });
});
