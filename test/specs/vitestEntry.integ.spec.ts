import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode } from '../support/runNode.ts';

// The vitest entry (`npx vitest run --project conformance`) keeps the CLI's promises: a target
// that is not on this machine needs a budget, and an endpoint that does not answer EC2 is refused
// by the preflight before any rule runs.
const VITEST = new URL('../../node_modules/vitest/vitest.mjs', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;

async function conformanceProject(targetFile: string): Promise<{ code: number; output: string }> {
  const env = { ...process.env, EC2IDEM_TARGET: targetFile, EC2IDEM_ONLY: 'DRYRUN', AWS_EC2_METADATA_DISABLED: 'true', NO_COLOR: '1' };
  const { code, stdout, stderr } = await runNode(VITEST, ['run', '--project', 'conformance'], { env, cwd: ROOT });
  return { code, output: stdout + stderr };
}

describe('npx vitest run --project conformance', () => {
  it('refuses a target that is not on this machine and has no budget, before anything is sent', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ec2idem-entry-'));
    const file = join(dir, 'cloud.json');
    await writeFile(file, JSON.stringify({ endpoint: 'https://ec2.us-east-1.amazonaws.com', regions: ['us-east-1'], imageId: 'ami-12345678', credentials: { accessKeyId: 'AKIDNOTREAL', secretAccessKey: 'not-real' } }));
    const { code, output } = await conformanceProject(file);
    expect(code).not.toBe(0);
    expect(output).toMatch(/refusing to run against ec2\.us-east-1\.amazonaws\.com without a budget/);
  });

  it('refuses an endpoint that does not answer EC2, with the preflight cause', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ec2idem-entry-'));
    const file = join(dir, 'down.json');
    await writeFile(file, JSON.stringify({ endpoint: 'http://127.0.0.1:9', regions: ['us-east-1'], imageId: 'ami-12345678', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }));
    const { code, output } = await conformanceProject(file);
    expect(code).not.toBe(0);
    expect(output).toMatch(/preflight: http:\/\/127\.0\.0\.1:9\/ does not answer: DescribeRegions \(us-east-1\) got transport failure ECONNREFUSED/);
  });
});
