import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActionRow } from '../../cli/commands/actions.ts';
import { readCatalogue } from '../../catalogue/catalogue.ts';
import { ACTION_ADAPTERS } from '../../harness/actions/index.ts';
import { runNode } from '../support/runNode.ts';

// `ec2-idem actions` lists every ClientToken operation of the catalogue with what covers it:
// the suite's adapters, the reference emulator's actions, and the last moto run's report.
const CLI = new URL('../../bin/ec2-idem-ts.js', import.meta.url).pathname;
const env = { ...process.env, NO_COLOR: '1' };

let dir: string;
let motoReport: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ec2idem-actions-'));
  motoReport = join(dir, 'report.json');
  const deviation = { reason: 'moto never looks a ClientToken up', expires: '2099-01-01' };
  const rules = [
    { rule: 'SAME-RESPONSE', action: 'RunInstances', status: 'failed', deviation },
    { rule: 'AT-MOST-ONCE', action: 'RunInstances', status: 'failed', deviation },
    { rule: 'DRYRUN', action: 'RunInstances', status: 'passed' },
    { rule: 'ACCOUNT-SCOPE', action: 'RunInstances', status: 'not-applicable' },
    { rule: 'DRYRUN', action: 'CreateLaunchTemplate', status: 'passed' },
    { rule: 'SAME-RESPONSE', action: 'CreateLaunchTemplate', status: 'failed' },
  ];
  await writeFile(motoReport, JSON.stringify({ schemaVersion: 2, run: { id: 'run1' }, target: { name: 'moto' }, rules }));
});

/** A table row's cells, by action name. */
function tableRow(stdout: string, action: string): string[] | undefined {
  return stdout.split('\n').find((line) => line.startsWith(`${action} `))?.split(/ {2,}/);
}

describe('ec2-idem actions', () => {
  it('prints one row per catalogue operation, covered first, with the moto report it is given', async () => {
    const { code, stdout, stderr } = await runNode(CLI, ['actions', '--moto-report', motoReport], { env });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^ACTION +TOKEN MEMBER +TRAIT +LIMIT +SUITE +EMULATOR +MOTO$/);
    const adapted = Object.keys(ACTION_ADAPTERS).sort();
    expect(adapted.length).toBeGreaterThanOrEqual(12);
    expect(lines.slice(1, 1 + adapted.length).map((l) => l.split(' ')[0])).toEqual(adapted);
    expect(tableRow(stdout, 'RunInstances')).toEqual(['RunInstances', 'ClientToken', 'yes', '64', 'yes', 'yes', '1/3 rules passed, 2 documented deviations, 1 not applicable']);
    expect(tableRow(stdout, 'CreateLaunchTemplate')).toEqual(['CreateLaunchTemplate', 'ClientToken', 'yes', '128', 'yes', 'yes', '1/2 rules passed, 0 documented deviations, 1 undocumented']);
    expect(tableRow(stdout, 'CreateVolume')).toEqual(['CreateVolume', 'ClientToken', 'yes', '-', 'yes', 'yes', 'not tested']);
    expect(tableRow(stdout, 'AllocateHosts')).toEqual(['AllocateHosts', 'ClientToken', 'no', '-', 'no', 'no', 'not tested']);
    expect(tableRow(stdout, 'RequestSpotFleet')).toEqual(['RequestSpotFleet', 'SpotFleetRequestConfig.ClientToken', 'no', '-', 'no', 'no', 'not tested']);
    const rows = lines.slice(1).filter((l) => /^[A-Z]\w+ /.test(l));
    expect(rows).toHaveLength(readCatalogue().operations.length);
    const uncovered = rows.filter((l) => l.includes('  no     no  ')).map((l) => l.split(' ')[0]!);
    expect(uncovered.length).toBeGreaterThan(50);
    expect(rows.slice(-uncovered.length).map((l) => l.split(' ')[0])).toEqual([...uncovered].sort());
    expect(stdout).toContain(`moto: ${motoReport}, run run1 against moto.`);
  });

  it('--json prints the rows; without a moto report every action is "not tested"', async () => {
    const { code, stdout } = await runNode(CLI, ['actions', '--json'], { env, cwd: dir });
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as ActionRow[];
    expect(rows.find((r) => r.action === 'CreateLaunchTemplate')).toEqual({ action: 'CreateLaunchTemplate', tokenMember: 'ClientToken', idempotencyToken: true, tokenMaxLength: 128, suite: true, emulator: true, moto: null, motoText: 'not tested' });
    expect(rows.slice(0, Object.keys(ACTION_ADAPTERS).length).every((r) => r.suite && r.emulator)).toBe(true);
    expect(rows.find((r) => r.action === 'RunInstances')).toMatchObject({ suite: true, emulator: true, tokenMaxLength: 64 });
    expect(rows.find((r) => r.action === 'AllocateHosts')).toMatchObject({ suite: false, emulator: false, moto: null });
    expect(rows.every((r) => r.motoText === 'not tested')).toBe(true);
  });

  it('--help explains it; a named moto report that cannot be read is a usage error', async () => {
    const help = await runNode(CLI, ['actions', '--help'], { env });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: ec2-idem actions \[--json\] \[--moto-report FILE\]/);
    const missing = await runNode(CLI, ['actions', '--moto-report', join(dir, 'absent.json')], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^ec2-idem actions: cannot read the moto report .*absent\.json/);
  });
});
