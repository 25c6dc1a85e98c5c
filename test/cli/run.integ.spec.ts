import { readFile, readdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../support/runNode.ts';
import { startEmulator, type RunningEmulator } from '../../emulator/server.ts';
import { checkRunReport } from '../../reports/validate.ts';
import { sampleReport } from '../reports/fixtures/sampleReport.ts';

const CLI = new URL('../../bin/ec2-idem-ts.js', import.meta.url).pathname;
const env = { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', NO_COLOR: '1' };

const ec2idem = (args: string[]) => runNode(CLI, args, { env });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ec2idem-run-'));
});

describe('ec2-idem run: usage, configuration and reachability problems exit 2 with one line', () => {
  const target = (name: string, body: unknown) => writeFile(join(dir, name), JSON.stringify(body)).then(() => join(dir, name));

  it.each([
    [['run', '--bogus'], /Unknown option '--bogus'.*--help/],
    [['run', '--profile', 'lenient'], /--profile must be one of seed, aws-current, strict/],
    [['run', '--only', 'NOT-A-RULE'], /--only: unknown rule NOT-A-RULE/],
    [['run', '--runs', 'many'], /--runs must be a whole number/],
    [['run', '--target', '/nonexistent/target.json'], /target file \/nonexistent\/target.json cannot be read/],
    [['nonsense'], /unknown command "nonsense"/],
  ])('%j', async (args, message) => {
    const { code, stderr } = await ec2idem(args);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('a bad target file names the field and the fix', async () => {
    const file = await target('bad.json', { endpoint: 'http://127.0.0.1:1', regions: ['us-east-1'], imageId: 'ami-12345678', regoins: [] });
    const { code, stderr } = await ec2idem(['run', '--target', file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown field "regoins" \(remove it or fix its spelling\)/);
  });

  it('a target that is not on this machine and has no budget is refused before anything is sent', async () => {
    const file = await target('cloud.json', {
      endpoint: 'https://ec2.us-east-1.amazonaws.com', regions: ['us-east-1'], imageId: 'ami-12345678',
      credentials: { accessKeyId: 'AKIDNOTREAL', secretAccessKey: 'not-real' },
    });
    const { code, stderr } = await ec2idem(['run', '--target', file]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/refusing to run against ec2\.us-east-1\.amazonaws\.com without a budget: add "budget"/);
  });

  it('an unreachable endpoint is named', async () => {
    const file = await target('down.json', { endpoint: 'http://127.0.0.1:9', regions: ['us-east-1'], imageId: 'ami-12345678', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    const { code, stderr } = await ec2idem(['run', '--target', file]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/http:\/\/127\.0\.0\.1:9\/ does not answer: DescribeRegions \(us-east-1\) got transport failure ECONNREFUSED/);
  });

  it('every replay line a report can carry is a command line the CLI accepts', async () => {
    const replays = sampleReport().rules.flatMap((result) => (result.failure ? [result.failure.replay] : []));
    expect(replays.length).toBeGreaterThan(1);
    for (const replay of replays) {
      expect(replay.startsWith('npx ec2-idem run ')).toBe(true);
      // --help after the flags: the parser still rejects any flag it does not know, then prints usage.
      const { code, stderr } = await ec2idem([...replay.slice('npx ec2-idem '.length).split(' '), '--help']);
      expect({ replay, code, stderr }).toEqual({ replay, code: 0, stderr: '' });
    }
  });
});

describe('ec2-idem run against an emulator with a seeded bug, with known secrets', () => {
  const secrets = { accessKeyId: 'AKIDSECRETSCANTEST', secretAccessKey: 'wJalrSecretValueThatMustNeverLeak1234', sessionToken: 'SessionTokenThatMustNeverLeak5678' };
  let emulator: RunningEmulator;
  let reportDir: string;
  let result: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    emulator = await startEmulator({ bug: 'fingerprint-ignores-userdata', strictAuth: true, regions: ['us-east-1', 'us-west-2'], accounts: { [secrets.accessKeyId]: { accountId: '111111111111', secretAccessKey: secrets.secretAccessKey } } });
    reportDir = join(dir, 'secret-report');
    const file = join(dir, 'secret-target.json');
    await writeFile(file, JSON.stringify({ endpoint: emulator.url, regions: ['us-east-1', 'us-west-2'], imageId: 'ami-0123456789abcdef0', credentials: secrets }));
    result = await ec2idem(['run', '--target', file, '--only', 'PARAM-MISMATCH,SAME-RESPONSE,LOST-RESPONSE', '--report-dir', reportDir, '--seed', '1']);
  }, 120_000);
  afterAll(() => emulator.close());

  it('exits 1 with a failing rule, a readable counterexample and reports that validate', async () => {
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ PARAM-MISMATCH RunInstances .*UserData changed/);
    const report = JSON.parse(await readFile(join(reportDir, 'report.json'), 'utf8'));
    expect(checkRunReport(report)).toEqual([]);
    expect(report.conformance).toBe('not-conformant');
    const failed = report.rules.find((r: { rule: string; status: string }) => r.rule === 'PARAM-MISMATCH' && r.status === 'failed');
    expect(failed.failure.transcript.length).toBeGreaterThan(1);
    expect(failed.failure.replay).toMatch(/--only PARAM-MISMATCH --action \w+ --seed 1 --path/);
    // The replay line runs as it stands and shows the same failure again.
    const replayDir = join(dir, 'replay-report');
    const args = (failed.failure.replay as string).slice('npx ec2-idem '.length).split(' ');
    const replayed = await ec2idem([...args, '--report-dir', replayDir]);
    expect(replayed.code).toBe(1);
    const again = JSON.parse(await readFile(join(replayDir, 'report.json'), 'utf8'));
    expect(again.rules.map((r: { rule: string; action: string; status: string }) => `${r.rule} ${r.action} ${r.status}`)).toEqual([`PARAM-MISMATCH ${failed.action} failed`]);
    const junit = new XMLParser({ ignoreAttributes: false }).parse(await readFile(join(reportDir, 'junit.xml'), 'utf8'));
    expect(Number(junit.testsuites.testsuite['@_failures'])).toBeGreaterThan(0);
    expect(await readFile(join(reportDir, 'summary.md'), 'utf8')).toMatch(/PARAM-MISMATCH/);
  });

  it('never writes the access key, the secret or the session token anywhere', async () => {
    const files = await readdir(reportDir);
    expect(files).toEqual(expect.arrayContaining(['report.json', 'junit.xml', 'summary.md', 'ledger.jsonl', 'verdicts.jsonl']));
    const outputs = [result.stdout, result.stderr, ...(await Promise.all(files.map((f) => readFile(join(reportDir, f), 'utf8'))))];
    for (const secret of Object.values(secrets)) {
      for (const output of outputs) expect(output.includes(secret), `a file contains ${secret.slice(0, 6)}…`).toBe(false);
    }
    // The transcripts are there, redacted: the check above looked at real request records.
    expect(outputs.join('\n')).toContain('Credential=<redacted>');
  });
});
