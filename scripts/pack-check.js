#!/usr/bin/env node
// `npm run pack-check` (CI, after the tests): the package as a user gets it. `npm pack` (which runs
// `prepare`, so dist/ is built fresh), a look at what the tarball holds, then an empty temporary
// project that installs the tarball from the registry's copies of its dependencies and there
//   1. runs `npx ec2-idem run` against the embedded emulator (exit 0, a conformant report.json),
//   2. runs bin/github-action.js the way action.yml does (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY files),
//   3. imports ".", "./emulator" and "./generators" from a plain .mjs file and uses them,
//   4. type-checks a .ts file against the shipped .d.ts with this project's own tsc.
// Prints how long each step took. Leaves nothing behind unless --keep.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const keep = process.argv.includes('--keep');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const work = mkdtempSync(join(tmpdir(), 'ec2idem-pack-check-'));
const consumer = join(work, 'consumer');
const started = performance.now();
let failed = false;

function step(title, fn) {
  const t = performance.now();
  try {
    fn();
    process.stdout.write(`pack-check: ${title} (${((performance.now() - t) / 1000).toFixed(1)} s)\n`);
  } catch (error) {
    failed = true;
    process.stderr.write(`pack-check: FAILED: ${title}\n${error instanceof Error ? error.message : String(error)}\n`);
    throw error;
  }
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status ?? result.signal}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
  }
  return result.stdout;
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

try {
  let tarball;
  step('npm pack (prepare builds dist/)', () => {
    const [packed] = JSON.parse(run(npm, ['pack', '--json', '--pack-destination', work], { cwd: root }));
    tarball = join(work, packed.filename);
    const files = packed.files.map((f) => f.path);
    for (const needed of ['package.json', 'README.md', 'bin/ec2-idem.js', 'bin/github-action.js', 'action.yml', 'dist/cli/main.js', 'dist/cli/githubAction.js',
      'dist/api/index.js', 'dist/api/index.d.ts', 'dist/api/emulator.js', 'dist/api/emulator.d.ts', 'dist/api/generators.js', 'dist/api/generators.d.ts',
      'dist/harness/target.schema.json', 'dist/catalogue/ec2-client-token-operations.json', 'dist/docs/reference.md', 'docs/reference.md',
      'harness/target.schema.json', 'reports/run-report.schema.json', 'reports/expectations.schema.json', 'targets/emulator.json']) {
      check(files.includes(needed), `the tarball lacks ${needed}`);
    }
    const unwanted = files.filter((f) => /(^|\/)(test|selftest|bench|node_modules)\//.test(f) || /\.spec\.[cm]?[jt]s$/.test(f) || (/\.[cm]?ts$/.test(f) && !/\.d\.[cm]?ts$/.test(f)) || /^(tsconfig.*|vitest\.config\..*|package-lock\.json)$/.test(f) || /^bin\/(run-ts|ec2-idem-ts)\.js$/.test(f));
    check(unwanted.length === 0, `the tarball holds what users do not need: ${unwanted.join(', ')}`);
    process.stdout.write(`pack-check: ${packed.filename}: ${files.length} files, ${(packed.size / 1024).toFixed(0)} KiB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KiB unpacked\n`);
  });

  step('npm install <tarball> in an empty project', () => {
    mkdirSync(consumer);
    writeFileSync(join(consumer, 'package.json'), `${JSON.stringify({ name: 'pack-check-consumer', version: '0.0.0', private: true, type: 'module' }, null, 2)}\n`);
    // @types/node at the version this project type-checks with: the .d.ts name node's types.
    run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, `@types/node@${pkg.devDependencies['@types/node']}`], { cwd: consumer });
    const installed = join(consumer, 'node_modules', pkg.name);
    const deps = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).dependencies ?? {};
    for (const dev of ['typescript', 'tsx']) check(!(dev in deps), `${dev} is a runtime dependency; it should be a devDependency`);
  });

  step('npx ec2-idem run --report-dir … against the embedded emulator: exit 0, conformant', () => {
    const reportDir = join(work, 'report');
    run(npx, ['--no', 'ec2-idem', 'run', '--report-dir', reportDir], { cwd: consumer });
    const report = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8'));
    check(report.conformance === 'conformant', `report.json says ${report.conformance}`);
    check(report.tool?.name === pkg.name && report.tool?.version === pkg.version, `report.json names the tool ${JSON.stringify(report.tool)}`);
  });

  step('bin/github-action.js the way action.yml runs it', () => {
    const summary = join(work, 'step-summary.md');
    const output = join(work, 'github-output');
    run(process.execPath, [join(consumer, 'node_modules', pkg.name, 'bin/github-action.js')], {
      cwd: consumer,
      env: { ...process.env, GITHUB_WORKSPACE: consumer, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output, INPUT_TARGET: '', INPUT_PROFILE: '', INPUT_PLUGINS: '', INPUT_REPORT_DIR: 'action-report', INPUT_ARGS: '--only DRYRUN,TOKEN-CASE --runs 5' },
    });
    const outputs = readFileSync(output, 'utf8');
    check(outputs.includes('conformance=conformant\n') && outputs.includes('exit-code=0\n'), `GITHUB_OUTPUT holds:\n${outputs}`);
    check(readFileSync(summary, 'utf8') === readFileSync(join(consumer, 'action-report', 'summary.md'), 'utf8').replace(/\n?$/, '\n'), 'GITHUB_STEP_SUMMARY is not the run\'s summary.md');
  });

  step('import the API from a plain ESM .mjs file', () => {
    writeFileSync(join(consumer, 'use-api.mjs'), `
import assert from 'node:assert/strict';
import { runConformance, defineAction, definePlugin, TOKEN_ACTIONS, REPORT_SCHEMA_VERSION } from '${pkg.name}';
import { startEmulator, createEmulatorHandler } from '${pkg.name}/emulator';
import { clientToken, runInstancesParams } from '${pkg.name}/generators';
assert.equal(typeof defineAction, 'function');
assert.equal(typeof definePlugin, 'function');
assert.equal(typeof createEmulatorHandler, 'function');
assert.equal(typeof clientToken, 'function');
assert.equal(typeof runInstancesParams, 'function');
assert.ok(TOKEN_ACTIONS.includes('RunInstances'));
assert.equal(typeof REPORT_SCHEMA_VERSION, 'number');
const emulator = await startEmulator({ port: 0 });
try {
  const answer = await fetch(emulator.url + '/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=DescribeRegions&Version=2016-11-15' });
  assert.match(await answer.text(), /DescribeRegionsResponse|Response/);
} finally {
  await emulator.close();
}
const { report, exitCode } = await runConformance({ only: ['DRYRUN'], runs: 5, seed: 1 });
assert.equal(exitCode, 0);
assert.equal(report.conformance, 'conformant');
// Only the exported entry points are public.
await assert.rejects(import('${pkg.name}/dist/cli/main.js'), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
`);
    run(process.execPath, ['use-api.mjs'], { cwd: consumer });
  });

  step("type-check a .ts file against the shipped .d.ts with the project's tsc", () => {
    writeFileSync(join(consumer, 'tsconfig.json'), `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] }, include: ['use-api.ts'] }, null, 2)}\n`);
    writeFileSync(join(consumer, 'use-api.ts'), `
import { runConformance, defineTarget, type RunReport, type Conformance, type TargetConfig, type Plugin } from '${pkg.name}';
import { startEmulator, type RunningEmulator } from '${pkg.name}/emulator';
import { clientToken } from '${pkg.name}/generators';

const target: TargetConfig = defineTarget({ name: 'local', endpoint: 'http://127.0.0.1:8787', regions: ['us-east-1'], imageId: 'ami-0123456789abcdef0' });
const plugins: readonly Plugin[] = [];
export async function check(): Promise<Conformance> {
  const emulator: RunningEmulator = await startEmulator({ port: 0 });
  await emulator.close();
  const result = await runConformance({ target, plugins, only: ['DRYRUN'], runs: 5 });
  const report: RunReport = result.report;
  const code: 0 | 1 | 2 = result.exitCode;
  void code;
  return report.conformance;
}
export const tokens = clientToken({ maxLength: 64 });
// @ts-expect-error: runs is a number
void runConformance({ runs: 'many' });
`);
    const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
    run(process.execPath, [tsc, '-p', join(consumer, 'tsconfig.json')], { cwd: consumer });
  });
} catch {
  // step() has said what failed.
} finally {
  const total = ((performance.now() - started) / 1000).toFixed(1);
  if (keep || failed) process.stdout.write(`pack-check: kept ${work}\n`);
  else rmSync(work, { recursive: true, force: true });
  process.stdout.write(`pack-check: ${failed ? 'FAILED' : 'passed'} in ${total} s\n`);
  process.exitCode = failed ? 1 : 0;
}
