import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmulatorHandler } from '../emulator/server.ts';
import { breaksAfter, rotatingGarbage, startFake, type Listener } from '../selftest/fakeEndpoints.ts';

const CLI = fileURLToPath(new URL('../bin/ec2-idem.js', import.meta.url));

export interface VerdictTime {
  readonly ms: number;
  readonly exitCode: number | null;
  /** The CLI's last line on stderr: the one-line cause. */
  readonly cause: string;
}

/**
 * Wall time of a whole `ec2-idem run` (CLI start to exit, defaults but a 2 s attempt timeout)
 * against an endpoint that is not EC2: a garbage endpoint, and one that turns to garbage mid-run.
 */
export async function untestableVerdicts(): Promise<{ garbage: VerdictTime; breaksMidRun: VerdictTime }> {
  return {
    garbage: await verdictTime(rotatingGarbage()),
    breaksMidRun: await verdictTime(breaksAfter(150, createEmulatorHandler({ regions: ['us-east-1', 'us-west-2'] }).listener)),
  };
}

async function verdictTime(listener: Listener): Promise<VerdictTime> {
  const fake = await startFake(listener);
  const dir = mkdtempSync(join(tmpdir(), 'ec2idem-bench-'));
  try {
    const target = join(dir, 'target.json');
    const credentials = { accessKeyId: '111111111111', secretAccessKey: 'bench' };
    writeFileSync(target, JSON.stringify({ endpoint: fake.url, regions: ['us-east-1', 'us-west-2'], imageId: 'ami-0123456789abcdef0', credentials, timeoutMs: 2000 }));
    const started = process.hrtime.bigint();
    // Not spawnSync: the fake lives in this process and must keep answering while the CLI runs.
    const child = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, [CLI, 'run', '--target', target, '--report-dir', join(dir, 'report')], { env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' } }, (error, _stdout, stderr) => {
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr });
      });
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { ms, exitCode: child.status, cause: child.stderr.trim().split('\n').at(-1) ?? '' };
  } finally {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
