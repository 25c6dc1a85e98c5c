import { spawn, execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/server.ts';

const CLI = new URL('../../bin/ec2-idem-ts.js', import.meta.url).pathname;
const run = promisify(execFile);
const env = { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', NO_COLOR: '1' };

function intents(ledger: string): number {
  return existsSync(ledger) ? readFileSync(ledger, 'utf8').split('\n').filter((line) => line.includes('"t":"intent"')).length : 0;
}

const alive = (emulator: RunningEmulator) => {
  const { instances, launchTemplates } = emulator.stats().resourcesAlive;
  return instances + launchTemplates;
};

describe('a runner killed with SIGKILL mid-run', () => {
  let emulator: RunningEmulator;
  let dir: string;
  beforeAll(async () => {
    // Slow answers keep many cases in flight; terminated instances stop counting at once.
    emulator = await startEmulator({
      regions: ['us-east-1', 'us-west-2'],
      accounts: { AKIDKILLTEST: { accountId: '111111111111', secretAccessKey: 'kill-secret' } },
      strictAuth: true,
      lifecycle: { shuttingDownMs: 0 },
      faults: { responseLatencyMs: 15 },
    });
    dir = await mkdtemp(join(tmpdir(), 'ec2idem-kill-'));
  });
  afterAll(() => emulator.close());

  it('leaves nothing alive once `ec2-idem cleanup --ledger` has run, and cleanup is safe twice', async () => {
    const target = join(dir, 'target.json');
    await writeFile(target, JSON.stringify({
      endpoint: emulator.url, regions: ['us-east-1', 'us-west-2'], imageId: 'ami-0123456789abcdef0',
      credentials: { accessKeyId: 'AKIDKILLTEST', secretAccessKey: 'kill-secret' },
    }));
    const ledger = join(dir, 'report', 'ledger.jsonl');
    // Its own process group, so the kill takes the vitest workers too, as a cancelled CI job would.
    const runner = spawn(process.execPath, [CLI, 'run', '--target', target, '--report-dir', join(dir, 'report'), '--runs', '500'], { env, detached: true, stdio: 'ignore' });
    const exited = new Promise((resolve) => runner.once('exit', resolve));
    for (let waited = 0; intents(ledger) < 150 && waited < 60_000; waited += 50) await delay(50);
    expect(intents(ledger)).toBeGreaterThanOrEqual(150);
    process.kill(-runner.pid!, 'SIGKILL');
    await exited;
    await delay(300); // requests already on the wire finish on the endpoint
    expect(alive(emulator), 'the kill should leave resources behind, or this test proves nothing').toBeGreaterThan(0);

    const first = await run(process.execPath, [CLI, 'cleanup', '--ledger', ledger], { env });
    expect(first.stdout).toMatch(/removed \d+ resource\(s\)/);
    expect(alive(emulator)).toBe(0);
    const second = await run(process.execPath, [CLI, 'cleanup', '--ledger', ledger], { env });
    expect(second.stdout).toContain('nothing left to remove');
    expect(alive(emulator)).toBe(0);
  }, 120_000);
});
