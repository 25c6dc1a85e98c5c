// The worked example (examples/vendor-plugin/) loaded the way users load plugins: the compiled CLI
// (bin/ec2-idem.js, dist/) with a target file that names it, or --plugin. Its action and rule run
// and pass on the embedded emulator; with its seeded bug on, its rule fails and the core's
// TOKEN-AFTER-TERMINATE (which allows a refusal) does not; the report records the plugin; a plugin
// that replaces a built-in rule needs --allow-override, which the report records too.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConformance, type RunReport } from '../../api/index.ts';
import { runNode } from '../support/runNode.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const CLI = join(ROOT, 'bin/ec2-idem.js');
const TARGET = join(ROOT, 'examples/vendor-plugin/target.json');
const env = { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', NO_COLOR: '1' };
const ec2idem = (args: readonly string[]) => runNode(CLI, args, { env, cwd: ROOT, timeoutMs: 240_000 });
const readReport = async (dir: string) => JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as RunReport;
const results = (report: RunReport) => report.rules.map((r) => `${r.rule} ${r.action} ${r.status}`);

let dir: string;
beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: npm run build first (the example loads through the compiled package, as users do)');
  dir = await mkdtemp(join(tmpdir(), 'ec2idem-vendor-'));
});

describe('ec2-idem run --target examples/vendor-plugin/target.json', () => {
  it('runs the plugin action and rule on the embedded emulator and exits 0, the plugin in report.json', async () => {
    const out = join(dir, 'clean');
    const run = await ec2idem(['run', '--target', TARGET, '--only', 'ACME-REPLAY-AFTER-DELETE,SAME-RESPONSE,TOKEN-AFTER-TERMINATE', '--runs', '5', '--seed', '5', '--report-dir', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = await readReport(out);
    expect(report.conformance).toBe('conformant');
    expect(report.target).toMatchObject({ name: 'embedded reference emulator with the ACME plugin', embedded: true });
    expect(report.plugins).toEqual([{ name: 'acme-capacity-reservations', version: '1.0.0', source: './index.js', actions: ['CreateCapacityReservation'], rules: ['ACME-REPLAY-AFTER-DELETE'] }]);
    expect(results(report)).toEqual(expect.arrayContaining(['ACME-REPLAY-AFTER-DELETE CreateCapacityReservation passed', 'SAME-RESPONSE CreateCapacityReservation passed', 'ACME-REPLAY-AFTER-DELETE RunInstances passed']));
    expect(report.rules.find((r) => r.rule === 'ACME-REPLAY-AFTER-DELETE')?.source.ref).toBe('REF-ACME-REPLAY-AFTER-DELETE');
  });

  it('with the plugin seeded bug on, the vendor rule fails and the run exits 1, while the core rule allows the refusal', async () => {
    const out = join(dir, 'bug');
    const run = await ec2idem(['run', '--target', TARGET, '--emulator-bug', 'acme-cancelled-replay-refused', '--only', 'ACME-REPLAY-AFTER-DELETE,TOKEN-AFTER-TERMINATE', '--action', 'CreateCapacityReservation', '--runs', '5', '--report-dir', out]);
    expect(run.code).toBe(1);
    const report = await readReport(out);
    expect(results(report)).toEqual(['TOKEN-AFTER-TERMINATE CreateCapacityReservation passed', 'ACME-REPLAY-AFTER-DELETE CreateCapacityReservation failed']);
    expect(report.rules[1]?.failure?.message).toMatch(/replay 1 after CancelCapacityReservation: refused with HTTP 400 InvalidCapacityReservationId\.NotFound/);
    expect(report.rules[1]?.failure?.replay).toMatch(/--target .*target\.json --emulator-bug acme-cancelled-replay-refused/);
  });
});

describe('ec2-idem actions --plugin', () => {
  it('lists the plugin action as covered by the plugin, and its rule and bug', async () => {
    const run = await ec2idem(['actions', '--plugin', './examples/vendor-plugin/index.js']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^CreateCapacityReservation +ClientToken +\S+ +\S+ +yes \(acme-capacity-reservations\) +yes \(acme-capacity-reservations\)/m);
    expect(run.stdout).toMatch(/plugin acme-capacity-reservations 1\.0\.0: actions CreateCapacityReservation; emulator actions CreateCapacityReservation, DescribeCapacityReservations, CancelCapacityReservation; rules ACME-REPLAY-AFTER-DELETE \(MUST\); seeded bugs acme-cancelled-replay-refused/);
  });
});

describe('a plugin that replaces a built-in rule', () => {
  // The example's rule under a built-in id: the kind of replacement --allow-override exists for.
  const writePlugin = async () => {
    const folder = join(ROOT, '.tmp');
    await mkdir(folder, { recursive: true });
    const file = join(folder, `override-plugin-${process.pid}.mjs`);
    await writeFile(file, [
      "import acme from '../examples/vendor-plugin/index.js';",
      "export default { ...acme, name: 'override-test', rules: [{ ...acme.rules[0], id: 'SAME-RESPONSE' }], bugs: [] };",
      '',
    ].join('\n'));
    return file;
  };

  it('is refused without --allow-override (exit 2, one line naming the plugin and the rule), recorded with it', async () => {
    const plugin = await writePlugin();
    const refused = await ec2idem(['run', '--plugin', plugin, '--only', 'SAME-RESPONSE', '--action', 'CreateCapacityReservation', '--report-dir', join(dir, 'refused')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toMatch(/^ec2-idem run: plugin override-test: rule SAME-RESPONSE: the core already defines rule SAME-RESPONSE; pass --allow-override/);
    const out = join(dir, 'override');
    const allowed = await ec2idem(['run', '--plugin', plugin, '--allow-override', '--only', 'SAME-RESPONSE', '--action', 'CreateCapacityReservation', '--runs', '5', '--report-dir', out]);
    expect(allowed.code).toBe(0);
    const report = await readReport(out);
    expect(report.run.overrides).toEqual(['rule SAME-RESPONSE (override-test replaces the core)']);
    expect(report.rules.map((r) => [r.rule, r.source.ref])).toEqual([['SAME-RESPONSE', 'REF-ACME-REPLAY-AFTER-DELETE']]);
  });
});

describe('the example through the programmatic API', () => {
  it('runConformance loads it by path and reports its rule failing under its seeded bug', async () => {
    const { report, exitCode } = await runConformance({
      plugins: ['./examples/vendor-plugin/index.js'],
      actions: ['CreateCapacityReservation'],
      only: ['ACME-REPLAY-AFTER-DELETE'],
      runs: 5,
      bug: 'acme-cancelled-replay-refused',
      reportDir: join(dir, 'api'),
    });
    expect(exitCode).toBe(1);
    expect(results(report)).toEqual(['ACME-REPLAY-AFTER-DELETE CreateCapacityReservation failed']);
    expect(report.plugins?.map((p) => p.source)).toEqual(['./examples/vendor-plugin/index.js']);
  });
});
