import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/server.ts';
import { runNode } from '../support/runNode.ts';

// `ec2-idem recheck` sends an earlier run's retained tokens again, later: on an endpoint that
// keeps them it passes; on one that forgot them it fails; too early, or for a run whose endpoint is
// gone, it refuses in one line.
const CLI = new URL('../../bin/ec2-idem-ts.js', import.meta.url).pathname;
const env = { ...process.env, AWS_ACCESS_KEY_ID: '111111111111', AWS_SECRET_ACCESS_KEY: 'x', AWS_EC2_METADATA_DISABLED: 'true', NO_COLOR: '1' };
const ec2idem = (args: string[]) => runNode(CLI, args, { env });

let dir: string;
const emulators: RunningEmulator[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ec2idem-recheck-'));
});
afterAll(() => Promise.all(emulators.map((e) => e.close())));

/** A short run against a long-lived endpoint; returns its ledger. */
async function runAgainst(options: Parameters<typeof startEmulator>[0], name: string): Promise<string> {
  const emulator = await startEmulator({ regions: ['us-east-1', 'us-west-2'], ...options });
  emulators.push(emulator);
  const reportDir = join(dir, name);
  const run = await ec2idem(['run', '--endpoint', emulator.url, '--region', 'us-east-1', '--only', 'SAME-RESPONSE,RETENTION', '--runs', '5', '--seed', '4', '--report-dir', reportDir]);
  expect(run.code).toBe(0);
  return join(reportDir, 'ledger.jsonl');
}

describe('ec2-idem recheck', () => {
  let ledger = '';

  it('replays the retained tokens on an endpoint that kept them: exit 0, reports written', async () => {
    ledger = await runAgainst({}, 'kept');
    expect((await readFile(ledger, 'utf8')).match(/"t":"retain"/g)?.length).toBeGreaterThanOrEqual(2);
    const reportDir = join(dir, 'kept-recheck');
    const { code, stdout } = await ec2idem(['recheck', '--ledger', ledger, '--min-age', '0', '--report-dir', reportDir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/RETENTION RunInstances passed\nRETENTION CreateLaunchTemplate passed\nconformant/);
    expect(JSON.parse(await readFile(join(reportDir, 'report.json'), 'utf8'))).toMatchObject({ conformance: 'conformant', totals: { passed: 2, resourcesLeftBehind: 0 } });
  });

  it('fails on an endpoint that forgot them (tokens dropped 3 s after launch), and deletes what the replays made', async () => {
    const ledger = await runAgainst({ bug: 'token-forgotten-after-3s' }, 'forgot');
    await delay(3100);
    const reportDir = join(dir, 'forgot-recheck');
    const { code, stdout } = await ec2idem(['recheck', '--ledger', ledger, '--min-age', '0', '--report-dir', reportDir]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/RETENTION RunInstances failed: the token .* sent again after TerminateInstances: not the same response/);
    const report = JSON.parse(await readFile(join(reportDir, 'report.json'), 'utf8'));
    expect(report).toMatchObject({ conformance: 'not-conformant', totals: { resourcesLeftBehind: 0 } });
    expect(emulators.at(-1)!.stats().resourcesAlive).toEqual({ instances: 0, launchTemplates: 0 });
  });

  it('refuses to run before the minimum age, and names when it may', async () => {
    expect(ledger).not.toBe('');
    const { code, stderr } = await ec2idem(['recheck', '--ledger', ledger]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/the oldest token of run \w+ is [\d.]+ s old and the promise is about 24\.0 h: run recheck after \d{4}-\d\d-\d\dT[\d:.]+Z, or pass --min-age 0/);
  });

  it('refuses the ledger of a run against the embedded emulator, whose tokens are gone', async () => {
    const reportDir = join(dir, 'embedded');
    expect((await ec2idem(['run', '--only', 'SAME-RESPONSE,RETENTION', '--runs', '5', '--report-dir', reportDir])).code).toBe(0);
    const { code, stderr } = await ec2idem(['recheck', '--ledger', join(reportDir, 'ledger.jsonl'), '--min-age', '0']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/tested the embedded emulator, which kept its tokens only while that run lasted/);
  });
});
