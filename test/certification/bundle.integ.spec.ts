import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certify, type Certified } from '../../certification/certify.ts';
import { sha256File } from '../../certification/digest.ts';
import { mergeBundles } from '../../certification/merge.ts';
import { verifyBundle } from '../../certification/verify.ts';
import { startEmulator, type RunningEmulator } from '../../emulator/server.ts';
import type { AttemptRecord } from '../../harness/transcript.ts';
import type { RunReport } from '../../reports/model.ts';

// Certifications through the library with a lower floor of runs per rule (an internal option the
// CLI does not have), so that a seeded-bug bundle and two shards stay quick; verify is told the same floor.
const FLOOR = 6;
const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
const base = { seed: 3, replayBase: 'npx ec2-idem run', progress: quiet } as const;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ec2idem-certification-'));
});

async function copyOf(bundle: string, name: string): Promise<string> {
  const copy = join(dir, name);
  await cp(bundle, copy, { recursive: true });
  return copy;
}

/** Records a file's new digest in the certificate, as a forger would: only the deeper checks can tell then. */
async function rehash(bundle: string, file: string): Promise<void> {
  const path = join(bundle, 'certificate.json');
  const certificate = JSON.parse(await readFile(path, 'utf8'));
  certificate.files[file] = await sha256File(join(bundle, file));
  await writeFile(path, JSON.stringify(certificate, null, 2));
}

describe('a bundle made against a seeded bug: every failure can be traced to the wire', () => {
  let bundle: string;
  let certified: Certified;
  beforeAll(async () => {
    bundle = join(dir, 'bug');
    certified = await certify({ ...base, out: bundle, actions: ['RunInstances'], internal: { minRunsPerRule: FLOOR, emulatorBug: 'mismatch-wrong-code' } });
  }, 180_000);

  it('certifies the failure, notes the seeded bug, and verifies as it stands', async () => {
    expect(certified.exitCode).toBe(1);
    expect(certified.certificate).toMatchObject({ verdict: 'not-conformant', level: 'none', settings: { minRunsPerRule: FLOOR, runsPerRule: FLOOR } });
    expect(certified.certificate.results).toContainEqual({ rule: 'PARAM-MISMATCH', action: 'RunInstances', strength: 'MUST', status: 'failed' });
    expect(certified.certificate.notes).toEqual(['self-test: the embedded emulator ran with the seeded bug mismatch-wrong-code']);
    expect((await verifyBundle(bundle, { minRunsPerRule: FLOOR })).problems).toEqual([]);
    // The floor is the certification's: verify as the CLI runs it refuses a bundle held to fewer runs.
    expect((await verifyBundle(bundle)).problems).toEqual(['the run was held to 6 runs per rule; a certification needs at least 24']);
  });

  it('a failure whose transcript lost a line of evidence is refused, even with the evidence digest redone', async () => {
    const report = JSON.parse(await readFile(join(bundle, 'report.json'), 'utf8')) as RunReport;
    const failed = report.rules.find((r) => r.rule === 'PARAM-MISMATCH')!;
    const needed = failed.failure!.transcript.at(-1) as AttemptRecord;
    const copy = await copyOf(bundle, 'bug-evidence-line');
    const lines = (await readFile(join(copy, 'evidence.jsonl'), 'utf8')).split('\n');
    const index = lines.findIndex((line) => line.includes(`"startedAt":"${needed.startedAt}"`) && line.includes('"rule":"PARAM-MISMATCH"') && line.includes(JSON.stringify(needed.request.body)));
    expect(index).toBeGreaterThanOrEqual(0);
    lines.splice(index, 1);
    await writeFile(join(copy, 'evidence.jsonl'), lines.join('\n'));
    await rehash(copy, 'evidence.jsonl');
    const { problems } = await verifyBundle(copy, { minRunsPerRule: FLOOR });
    expect(problems).toEqual([
      `evidence.jsonl has ${failed.requests - 1} attempt(s) of PARAM-MISMATCH × RunInstances; report.json counts ${failed.requests} request(s)`,
      expect.stringMatching(/^PARAM-MISMATCH × RunInstances failed, but 1 of the \d+ distinct attempt\(s\) of its counterexample's transcript are not in evidence\.jsonl \(first: POST http:\/\/127\.0\.0\.1:\d+\/ at /),
    ]);
  });

  it('a signature written in the clear is refused', async () => {
    const copy = await copyOf(bundle, 'bug-unredacted');
    const text = await readFile(join(copy, 'evidence.jsonl'), 'utf8');
    await writeFile(join(copy, 'evidence.jsonl'), text.replace('Signature=<redacted>', `Signature=${'ab'.repeat(32)}`));
    await rehash(copy, 'evidence.jsonl');
    expect((await verifyBundle(copy, { minRunsPerRule: FLOOR })).problems).toEqual(['evidence.jsonl has 1 line(s) with a signature, key or session token not redacted (line 1)']);
  });
});

describe('a target file with a product and an expectations file, and known secrets', () => {
  const secrets = { accessKeyId: 'AKIDCERTIFYSECRET01', secretAccessKey: 'certifySecretThatMustNeverLeak0001', sessionToken: 'CertifySessionTokenNeverLeaks0002' };
  let emulator: RunningEmulator;
  let bundle: string;
  let certified: Certified;
  beforeAll(async () => {
    emulator = await startEmulator({ strictAuth: true, regions: ['us-east-1', 'us-west-2'], accounts: { [secrets.accessKeyId]: { accountId: '111111111111', secretAccessKey: secrets.secretAccessKey } } });
    bundle = join(dir, 'target');
    certified = await certify({
      ...base,
      out: bundle,
      target: {
        name: 'acme-local',
        endpoint: emulator.url,
        regions: ['us-east-1', 'us-west-2'],
        imageId: 'ami-0123456789abcdef0',
        credentials: secrets,
        actions: ['CreateLaunchTemplate'],
        expectations: '../expectations/acme.json',
        product: { vendor: 'Acme', product: 'Acme EC2', version: '7.1', endpointKind: 'on-premises' },
      },
      product: { version: '7.2' },
      internal: { minRunsPerRule: FLOOR },
    });
  }, 180_000);
  afterAll(() => emulator.close());

  it('records the product (flags over the file), the declared actions, and that the expectations were not read', async () => {
    expect(JSON.parse(await readFile(join(bundle, 'product.json'), 'utf8'))).toEqual({ vendor: 'Acme', product: 'Acme EC2', version: '7.2', endpointKind: 'on-premises', regions: ['us-east-1', 'us-west-2'] });
    expect(certified.certificate.settings).toMatchObject({ actions: ['CreateLaunchTemplate'], expectations: 'ignored', rules: 'all' });
    expect(certified.certificate.notes).toEqual([expect.stringMatching(/names an expectations file \(\.\.\/expectations\/acme\.json\); a certification does not read it/)]);
    expect(certified.certificate.results.every((r) => r.action === 'CreateLaunchTemplate')).toBe(true);
    expect((await verifyBundle(bundle, { minRunsPerRule: FLOOR })).problems).toEqual([]);
  });

  it('writes no access key, secret or session token into any file of the bundle', async () => {
    const files = await readdir(bundle);
    expect(files).toContain('evidence.jsonl');
    for (const file of files) {
      const text = await readFile(join(bundle, file), 'utf8');
      for (const secret of Object.values(secrets)) expect(text.includes(secret), `${file} contains ${secret.slice(0, 8)}…`).toBe(false);
    }
    expect(await readFile(join(bundle, 'evidence.jsonl'), 'utf8')).toContain('Signature=<redacted>');
  });
});

describe('shards of one certification, merged', () => {
  const shard = (index: number, seed = 9) =>
    certify({ ...base, seed, out: join(dir, `shard-${index}-${seed}`), actions: ['RunInstances'], shard: { index, count: 2 }, internal: { minRunsPerRule: FLOOR } });
  let first: Certified;
  let second: Certified;
  beforeAll(async () => {
    first = await shard(1);
    second = await shard(2);
  }, 180_000);

  it('each shard runs its own disjoint part and verifies alone; merged, they are one bundle verify accepts', async () => {
    const pairs = (c: Certified) => c.certificate.results.map((r) => `${r.rule} ${r.action}`);
    expect(pairs(first).filter((p) => pairs(second).includes(p))).toEqual([]);
    expect(pairs(first).length + pairs(second).length).toBe(17);
    for (const dirName of ['shard-1-9', 'shard-2-9']) expect((await verifyBundle(join(dir, dirName), { minRunsPerRule: FLOOR })).problems).toEqual([]);

    const out = join(dir, 'merged');
    const merged = await mergeBundles(out, [join(dir, 'shard-2-9'), join(dir, 'shard-1-9')], { minRunsPerRule: FLOOR });
    expect(merged.problems).toBeUndefined();
    const verified = await verifyBundle(out, { minRunsPerRule: FLOOR });
    expect(verified.problems).toEqual([]);
    expect(verified.certificate).toMatchObject({ settings: { shards: 2 }, runs: [{ shard: { index: 1, count: 2 } }, { shard: { index: 2, count: 2 } }] });
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as RunReport;
    expect(report.rules).toHaveLength(17);
    expect(report.totals.requests).toBe(first.report.totals.requests + second.report.totals.requests);
    const evidence = (await readFile(join(out, 'evidence.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(evidence).toHaveLength(report.totals.requests);
  });

  it('refuses shards of different certifications, a missing shard, and a shard given twice', async () => {
    const other = await shard(2, 10);
    const mixed = await mergeBundles(join(dir, 'merged-mixed'), [join(dir, 'shard-1-9'), join(dir, 'shard-2-10')], { minRunsPerRule: FLOOR });
    expect(mixed.problems).toEqual([expect.stringMatching(/shard-2-10 differ from .*shard-1-9 in seed$/)]);
    expect(other.certificate.seed).toBe(10);
    const missing = await mergeBundles(join(dir, 'merged-missing'), [join(dir, 'shard-1-9')], { minRunsPerRule: FLOOR });
    expect(missing.problems).toEqual(['shard(s) 2/2 missing: a merge needs all 2']);
    const twice = await mergeBundles(join(dir, 'merged-twice'), [join(dir, 'shard-1-9'), join(dir, 'shard-1-9'), join(dir, 'shard-2-9')], { minRunsPerRule: FLOOR });
    expect(twice.problems).toEqual(expect.arrayContaining(['shard(s) 1/2 given more than once']));
  }, 120_000);
});
