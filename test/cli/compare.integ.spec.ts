import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportOf } from '../reports/fixtures/compareReports.ts';
import { runNode } from '../support/runNode.ts';

// `ec2-idem compare A B`: two small reports side by side; a report that is not valid is exit 2.
const CLI = new URL('../../bin/ec2-idem-ts.js', import.meta.url).pathname;
const env = { ...process.env, NO_COLOR: '1' };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ec2idem-compare-'));
  const emulator = reportOf('embedded reference emulator', [
    { rule: 'SAME-RESPONSE', action: 'RunInstances', status: 'passed' },
    { rule: 'DRYRUN', action: 'RunInstances', status: 'passed' },
    { rule: 'HISTORY', action: 'CreateVolume', status: 'passed' },
  ]);
  const moto = reportOf('moto', [
    { rule: 'SAME-RESPONSE', action: 'RunInstances', status: 'failed', documented: 'moto never looks a ClientToken up' },
    { rule: 'DRYRUN', action: 'RunInstances', status: 'passed' },
  ]);
  await mkdir(join(dir, 'emulator'));
  await writeFile(join(dir, 'emulator', 'report.json'), JSON.stringify(emulator));
  await writeFile(join(dir, 'moto.json'), JSON.stringify(moto));
  const bad = JSON.parse(JSON.stringify(moto));
  delete bad.run.seed;
  await writeFile(join(dir, 'bad.json'), JSON.stringify(bad));
});

describe('ec2-idem compare', () => {
  it('prints the matrix as Markdown: a report directory and a report.json, labelled, differing rows first', async () => {
    const { code, stdout, stderr } = await runNode(CLI, ['compare', join(dir, 'emulator'), join(dir, 'moto.json'), '--label', 'emulator'], { env });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('# Comparison: emulator · moto');
    expect(stdout).toMatch(/\| emulator \| embedded reference emulator \| ec2-idempotency-conformance 0\.1\.0 \| v\d+ \| 2026-12-01 \| `7` \| \*\*conformant\*\* \| 3 passed \|/);
    const rows = stdout.split('\n').filter((l) => /^\| (≠|) *\| [A-Z-]+ \|/.test(l));
    expect(rows).toEqual([
      '| ≠ | SAME-RESPONSE | RunInstances | ✅ passed | ⚠️ deviation (failed) | moto: moto never looks a ClientToken up |',
      '|  | DRYRUN | RunInstances | ✅ passed | ✅ passed |  |',
      '|  | HISTORY | CreateVolume | ✅ passed | — |  |',
    ]);
  });

  it('--out writes compare.md and compare.html; --format html prints the page', async () => {
    const out = join(dir, 'out');
    const written = await runNode(CLI, ['compare', join(dir, 'emulator'), join(dir, 'moto.json'), '--out', out], { env });
    expect(written.code).toBe(0);
    expect(written.stdout).toBe(`compare: ${join(out, 'compare.md')}, ${join(out, 'compare.html')}\n`);
    expect(await readFile(join(out, 'compare.md'), 'utf8')).toContain('| ≠ | SAME-RESPONSE | RunInstances |');
    const html = await readFile(join(out, 'compare.html'), 'utf8');
    expect(html).toContain('<td class="status-failed documented"');
    const printed = await runNode(CLI, ['compare', join(dir, 'emulator'), join(dir, 'moto.json'), '--format', 'html'], { env });
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(html);
  });

  it('exits 2 naming a report that is not valid, and the field', async () => {
    const { code, stdout, stderr } = await runNode(CLI, ['compare', join(dir, 'emulator'), join(dir, 'bad.json')], { env });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`ec2-idem compare: ${join(dir, 'bad.json')}: is not a valid run report (reports/run-report.schema.json):\n  /run: must have required property 'seed'\n`);
  });

  it.each([
    [['compare', 'only-one.json'], /give at least two reports to compare \(got 1\)/],
    [['compare', 'a.json', 'b.json', '--format', 'pdf'], /--format must be md or html, not "pdf"/],
    [['compare', 'absent.json', 'b.json'], /^ec2-idem compare: absent\.json: no such file or directory$/m],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const { code, stderr } = await runNode(CLI, args, { env, cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('--help explains it, and ec2-idem --help lists it', async () => {
    const help = await runNode(CLI, ['compare', '--help'], { env });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: ec2-idem compare REPORT REPORT\.\.\./);
    expect((await runNode(CLI, ['--help'], { env })).stdout).toMatch(/^ {2}compare {4}/m);
  });
});
