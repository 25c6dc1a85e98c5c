import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256File } from '../../certification/digest.ts';
import { verifyBundle } from '../../certification/verify.ts';
import { runNode } from '../support/runNode.ts';

const CLI = new URL('../../bin/ec2-idem-ts.js', import.meta.url).pathname;
const env = { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', NO_COLOR: '1' };
const ec2idem = (args: string[]) => runNode(CLI, args, { env, timeoutMs: 240_000 });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ec2idem-certify-'));
});

describe('ec2-idem certify: the settings cannot be loosened (exit 2, naming the flag)', () => {
  it.each([
    [['--only', 'TOKEN-CASE'], /--only is not accepted in a certification: a certification runs every rule/],
    [['--expectations', 'expectations/moto.json'], /--expectations is not accepted in a certification: .*no documented deviations/],
    [['--path', '0:1'], /--path is not accepted in a certification/],
    [['--emulator-bug', 'token-trimmed'], /--emulator-bug is not accepted in a certification/],
    [['--runs', '10'], /--runs 10 is below the certification minimum: at least 24 runs per rule/],
    [['--shard', '3/2'], /--shard must be i\/n with 1 ≤ i ≤ n/],
    [['--endpoint-kind', 'mainframe'], /--endpoint-kind must be one of emulator, cloud, on-premises/],
    [['--bogus'], /Unknown option '--bogus'.*--help/],
  ])('%j', async (args, message) => {
    const { code, stderr } = await ec2idem(['certify', '--out', join(dir, 'refused'), ...args]);
    expect({ code, lines: stderr.trim().split('\n').length }).toEqual({ code: 2, lines: 1 });
    expect(stderr).toMatch(message);
  });

  it('needs --out, and a new or empty folder', async () => {
    expect((await ec2idem(['certify'])).stderr).toMatch(/--out DIR is required/);
    await writeFile(join(dir, 'occupied.txt'), 'x');
    const { code, stderr } = await ec2idem(['certify', '--out', dir]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/is not empty: a bundle goes into a new or empty folder/);
  });

  it('a target file without a product, and no flags for one, names what is missing', async () => {
    const file = join(dir, 'no-product.json');
    await writeFile(file, JSON.stringify({ endpoint: 'http://127.0.0.1:9', regions: ['us-east-1'], imageId: 'ami-12345678', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }));
    const { code, stderr } = await ec2idem(['certify', '--out', join(dir, 'no-product'), '--target', file, '--vendor', 'Acme']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/give --product, --product-version, --endpoint-kind/);
  });
});

describe('ec2-idem verify and merge: usage', () => {
  it.each([
    [['verify', join('/nonexistent', 'bundle')], /is not a folder/],
    [['verify'], /give exactly one bundle folder/],
    [['merge', '/nonexistent/a'], /--out DIR is required/],
    [['merge', '--out', '/tmp/x', '/nonexistent/a'], /\/nonexistent\/a is not a folder/],
  ])('%j exits 2', async (args, message) => {
    const { code, stderr } = await ec2idem(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});

describe('ec2-idem certify of the embedded emulator, then verify of it and of every kind of tampering', () => {
  let bundle: string;
  let certified: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    bundle = join(dir, 'bundle');
    certified = await ec2idem(['certify', '--out', bundle, '--action', 'RunInstances', '--seed', '4']);
  }, 240_000);

  it('writes the bundle and says what it certified', async () => {
    expect(certified.stderr).toBe('');
    expect(certified.code).toBe(0);
    expect(certified.stdout).toMatch(/certified: conformant, level MUST\+SHOULD · 17 rule × action tests · 24 runs per rule · profile seed · seed 4/);
    const files = await readdir(bundle);
    expect(files).toEqual(expect.arrayContaining(['badge.svg', 'certificate.json', 'evidence.jsonl', 'junit.xml', 'product.json', 'report.json', 'summary.md']));
    const certificate = JSON.parse(await readFile(join(bundle, 'certificate.json'), 'utf8'));
    // Every other file is hashed, whatever the report writers made (report.html among them).
    expect(Object.keys(certificate.files).sort()).toEqual(files.filter((f) => f !== 'certificate.json').sort());
    expect(certificate).toMatchObject({ profile: 'seed', seed: 4, settings: { runsPerRule: 24, minRunsPerRule: 24, actions: ['RunInstances'], rules: 'all', expectations: 'none' } });
  });

  it('verify accepts it: exit 0, one line', async () => {
    const { code, stdout, stderr } = await ec2idem(['verify', bundle]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.trim().split('\n')).toEqual([expect.stringMatching(/^valid: .*reference EC2 emulator .*\(emulator\): conformant, level MUST\+SHOULD — 17 rule × action tests, profile seed, seed 4/)]);
  });

  let copies = 0;
  /** A fresh copy of the bundle with one thing changed. */
  async function tampered(change: (copy: string) => Promise<void>): Promise<string> {
    const copy = join(dir, `tampered-${(copies += 1)}`);
    await cp(bundle, copy, { recursive: true });
    await change(copy);
    return copy;
  }
  const edit = (file: string, replace: (text: string) => string) => async (copy: string) => {
    const path = join(copy, file);
    const before = await readFile(path, 'utf8');
    const after = replace(before);
    expect(after).not.toBe(before);
    await writeFile(path, after);
  };
  const editCertificate = (change: (certificate: Record<string, any>) => void) => async (copy: string) => {
    const path = join(copy, 'certificate.json');
    const certificate = JSON.parse(await readFile(path, 'utf8'));
    change(certificate);
    await writeFile(path, JSON.stringify(certificate, null, 2));
  };
  /** Tamper with a file and record its new digest, as a forger would: the deeper checks must still tell. */
  const forge = (file: string, replace: (text: string) => string) => async (copy: string) => {
    await edit(file, replace)(copy);
    const path = join(copy, 'certificate.json');
    const certificate = JSON.parse(await readFile(path, 'utf8'));
    certificate.files[file] = await sha256File(join(copy, file));
    await writeFile(path, JSON.stringify(certificate, null, 2));
  };

  it.each<[string, (copy: string) => Promise<void>, RegExp]>([
    ['one byte of report.json', edit('report.json', (t) => t.replace('"seed": 4', '"seed": 5')), /^report\.json has been changed: its SHA-256 is [0-9a-f]{64}, certificate\.json says [0-9a-f]{64}$/],
    ['a verdict in certificate.json', editCertificate((c) => (c.results[1].status = 'failed')), /^certificate\.json says TOKEN-CASE × RunInstances MUST failed, report\.json says MUST passed$/],
    ['the overall verdict in certificate.json', editCertificate((c) => (c.verdict = 'not-conformant')), /^certificate\.json's verdict not-conformant does not follow from report\.json, which makes it conformant$/],
    ['the level in certificate.json', editCertificate((c) => (c.level = 'MUST')), /^certificate\.json's level MUST does not follow from report\.json, which makes it MUST\+SHOULD$/],
    ['product.json', edit('product.json', (t) => t.replace('reference EC2 emulator', 'reference EC2 emulatoR')), /^product\.json has been changed/],
    ['badge.svg', edit('badge.svg', (t) => t.replaceAll('#2e7d32', '#2e7d33')), /^badge\.svg has been changed/],
    ['summary.md', edit('summary.md', (t) => `${t}\nall good\n`), /^summary\.md has been changed/],
    ['junit.xml', edit('junit.xml', (t) => t.replace('<testsuites', '<testsuites data-x="1"')), /^junit\.xml has been changed/],
    ['a line of evidence.jsonl', edit('evidence.jsonl', (t) => t.slice(t.indexOf('\n') + 1)), /^evidence\.jsonl has been changed/],
    ['a file removed', (copy) => rm(join(copy, 'summary.md')), /^summary\.md is listed in certificate\.json but missing from the bundle$/],
    ['a file added', (copy) => writeFile(join(copy, 'extra.txt'), 'not certified'), /^extra\.txt is in the bundle but not listed in certificate\.json$/],
    ['report.json, its digest redone', forge('report.json', (t) => t.replace('"status": "passed"', '"status": "skipped"')), /^report\.json's verdict conformant does not follow from its results, which make it inconclusive$/],
    ['badge.svg, its digest redone', forge('badge.svg', (t) => t.replace('conformant · MUST+SHOULD</text>', 'conformant · MUST</text>')), /^badge\.svg does not show what certificate\.json says$/],
    ['fewer runs per rule in certificate.json', editCertificate((c) => (c.settings.minRunsPerRule = 10)), /^the run was held to 10 runs per rule; a certification needs at least 24$/],
    ['another rule catalogue', editCertificate((c) => (c.catalogue.sha256 = '0'.repeat(64))), /^the bundle was judged by ec2-idempotency-conformance [\d.]+ with rule catalogue v\d+ \(sha256 000000000000…\); this is [\d.]+ with catalogue v\d+ .*: verify it with ec2-idempotency-conformance@/],
    ['a rule dropped from report.json, its digest redone', forge('report.json', (t) => {
      const report = JSON.parse(t);
      report.rules = report.rules.filter((r: { rule: string }) => r.rule !== 'DRYRUN');
      return `${JSON.stringify(report, null, 2)}\n`;
    }), /^report\.json lacks 1 rule × action test\(s\) a certification runs: DRYRUN × RunInstances$/],
  ])('refuses %s', async (_what, change, reason) => {
    const copy = await tampered(change);
    const { problems } = await verifyBundle(copy);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems).toContainEqual(expect.stringMatching(reason));
  });

  it('an invalid bundle exits 1 and lists every reason', async () => {
    const copy = await tampered(async (c) => {
      await writeFile(join(c, 'extra.txt'), 'x');
      await edit('product.json', (t) => t.replace('emulator', 'emulatoR'))(c);
    });
    const { code, stdout, stderr } = await ec2idem(['verify', copy]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toMatch(/is not a valid certification bundle \(2 problems\):\n {2}- product\.json has been changed.*\n {2}- extra\.txt is in the bundle but not listed/);
  });
});
