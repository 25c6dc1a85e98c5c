import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../support/runNode.ts';
import { createEmulatorHandler } from '../../emulator/server.ts';
import { checkRunReport } from '../../reports/validate.ts';
import { breaksAfter, rotatingGarbage, startFake, type RunningFake } from '../../selftest/fakeEndpoints.ts';

// Endpoints that cannot be tested get a verdict fast and say why in one line (exit 2), and a run
// whose endpoint stops answering EC2 mid-way stops, sweeps and still writes its reports.
const CLI = new URL('../../bin/ec2-idem-ts.js', import.meta.url).pathname;
const env = { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', NO_COLOR: '1' };
const KEY = { accessKeyId: '111111111111', secretAccessKey: 'not-checked' };

const ec2idem = (args: string[]) => runNode(CLI, args, { env });

let dir: string;
const fakes: RunningFake[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ec2idem-untestable-'));
});
afterAll(() => Promise.all(fakes.map((fake) => fake.close())));

async function targetFor(fake: RunningFake, name: string): Promise<string> {
  const file = join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify({ name, endpoint: fake.url, regions: ['us-east-1', 'us-west-2'], imageId: 'ami-0123456789abcdef0', credentials: KEY, timeoutMs: 2000 }));
  return file;
}

describe('an endpoint that answers HTML 500s, empty 200s, truncated XML, plain text, resets and hangs in turn', () => {
  it('is refused by the preflight: exit 2, one line naming what it answered, and reports that say untested', async () => {
    const fake = await startFake(rotatingGarbage());
    fakes.push(fake);
    const reportDir = join(dir, 'garbage');
    const { code, stderr } = await ec2idem(['run', '--target', await targetFor(fake, 'garbage'), '--report-dir', reportDir]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/does not answer EC2: DescribeRegions \(us-east-1\) got \d{3} malformed/);
    const report = JSON.parse(await readFile(join(reportDir, 'report.json'), 'utf8'));
    expect(checkRunReport(report)).toEqual([]);
    expect(report).toMatchObject({ conformance: 'untested', rules: [], run: { stopped: expect.stringMatching(/does not answer EC2/) } });
    // Three attempts of one call, nothing more: the verdict costs no rule any time.
    expect(fake.requests()).toBe(3);
  });
});

describe('an endpoint that speaks EC2 for a while, then answers garbage', () => {
  it('trips the breaker: the run stops, what did not finish is skipped with the cause, reports are written, exit 2', async () => {
    const emulator = createEmulatorHandler({ regions: ['us-east-1', 'us-west-2'] });
    const fake = await startFake(breaksAfter(150, emulator.listener));
    fakes.push(fake);
    const reportDir = join(dir, 'breaks');
    const { code, stderr } = await ec2idem(['run', '--target', await targetFor(fake, 'breaks'), '--report-dir', reportDir, '--seed', '3']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/the run stopped early: \d+ of the last \d+ answers, to \d+ kinds of request, were not EC2 answers/);
    const report = JSON.parse(await readFile(join(reportDir, 'report.json'), 'utf8'));
    expect(checkRunReport(report)).toEqual([]);
    expect(report.run.stopped).toMatch(/were not EC2 answers/);
    const stopped = report.rules.filter((r: { reason?: string }) => r.reason?.startsWith('run stopped:'));
    expect(stopped.length).toBeGreaterThan(0);
    for (const rule of stopped) expect(rule.status).toBe('skipped');
    // Nothing stopped by the breaker is counted as a pass, and the run is not conformant.
    expect(report.conformance).not.toMatch(/^conformant/);
    const junit = await readFile(join(reportDir, 'junit.xml'), 'utf8');
    expect(junit).toContain('run stopped:');
  });
});
