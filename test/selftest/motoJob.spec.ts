// `npm run moto` without moto_server: a skip with its reason on a workstation, a failure in CI.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const INSTALL = `pip install 'moto[server]'`;

/** Runs the job with an empty PATH (so no moto_server can be found) and the given CI value. */
function motoJobWithoutMoto(ci: string | undefined) {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: '' };
  delete env.CI;
  if (ci !== undefined) env.CI = ci;
  // node by its absolute path: PATH is empty.
  const run = spawnSync(process.execPath, ['bin/run-ts.js', 'selftest/motoJob.ts', '.tmp/moto-report-never-written'], { cwd: ROOT, env, encoding: 'utf8', timeout: 30_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run moto without moto_server', () => {
  it('fails under CI=true with one line naming what is missing and how to install it', () => {
    const { status, stdout, stderr } = motoJobWithoutMoto('true');
    expect(status).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('moto_server is not on PATH');
    expect(lines[0]).toContain(INSTALL);
  });

  it.each([undefined, 'false'])('skips with the reason when CI is %s', (ci) => {
    const { status, stdout, stderr } = motoJobWithoutMoto(ci);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(`moto job skipped: moto_server is not on PATH; install it with ${INSTALL} to run it\n`);
  });
});
