// The GitHub Action's script (cli/githubAction.ts, bin/github-action.js) run the way action.yml
// runs it: inputs in INPUT_* variables, $GITHUB_STEP_SUMMARY and $GITHUB_OUTPUT pointed at files.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { actionInputs, githubAction, githubActionCleanup, runArguments } from '../../cli/githubAction.ts';
import { startEmulator } from '../../emulator/server.ts';

const CLI = fileURLToPath(new URL('../../bin/ec2-idem-ts.js', import.meta.url));

describe('the inputs become ec2-idem run flags', () => {
  it('plugins, newline- or comma-separated, are repeated --plugin flags; empty inputs add no flag', () => {
    const inputs = actionInputs({ INPUT_TARGET: 'targets/mine.json', INPUT_PROFILE: 'strict', INPUT_PLUGINS: './a.js\n  b-plugin , ./c.js\n\n', INPUT_REPORT_DIR: 'out', INPUT_ARGS: ' --action all\n--strict ' });
    expect(runArguments(inputs)).toEqual(['run', '--target', 'targets/mine.json', '--profile', 'strict', '--plugin', './a.js', '--plugin', 'b-plugin', '--plugin', './c.js', '--report-dir', 'out', '--action', 'all', '--strict']);
    expect(runArguments(actionInputs({ INPUT_TARGET: '', INPUT_PROFILE: ' ', INPUT_PLUGINS: '', INPUT_REPORT_DIR: '', INPUT_ARGS: '' }))).toEqual(['run', '--report-dir', 'conformance-report']);
    expect(runArguments(actionInputs({}))).toEqual(['run', '--report-dir', 'conformance-report']);
  });
});

describe('action.yml', () => {
  const yml = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8');
  it('installs with npm ci in its own checkout, then only calls bin/github-action.js', () => {
    const runs = [...yml.matchAll(/^\s+run: (.+)$/gm)].map((m) => m[1]);
    expect(runs).toEqual(['npm ci --no-audit --no-fund', 'node "$GITHUB_ACTION_PATH/bin/github-action.js"', 'node "$GITHUB_ACTION_PATH/bin/github-action.js" cleanup']);
    expect(yml).toMatch(/working-directory: \$\{\{ github\.action_path \}\}/);
  });
  it('hands every input the script reads to it as INPUT_*, and maps the outputs it writes', () => {
    for (const [name, variable] of [['target', 'TARGET'], ['profile', 'PROFILE'], ['plugins', 'PLUGINS'], ['report-dir', 'REPORT_DIR'], ['args', 'ARGS']]) {
      expect(yml).toMatch(new RegExp(`^  ${name}:$`, 'm'));
      expect(yml).toContain(`INPUT_${variable}: \${{ inputs.${name} }}`);
    }
    for (const output of ['conformance', 'exit-code', 'report-dir']) expect(yml).toContain(`value: \${{ steps.run.outputs.${output} }}`);
  });
});

describe('bin/github-action.js as the action runs it', () => {
  let workspace: string;
  let env: Record<string, string>;
  beforeEach(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'ec2idem-action-'));
    // What an earlier step left in the job summary stays; the run's summary comes after it.
    await writeFile(join(workspace, 'step-summary.md'), '## earlier step\n');
    env = {
      GITHUB_WORKSPACE: workspace,
      GITHUB_STEP_SUMMARY: join(workspace, 'step-summary.md'),
      GITHUB_OUTPUT: join(workspace, 'github-output'),
      INPUT_TARGET: '',
      INPUT_PROFILE: '',
      INPUT_PLUGINS: '',
      INPUT_REPORT_DIR: 'reports/ec2',
    };
  });
  const outputs = async () => Object.fromEntries((await readFile(env.GITHUB_OUTPUT!, 'utf8')).trim().split('\n').map((l) => l.split(/=(.*)/s).slice(0, 2)));

  it('a conformant run: exit 0, summary.md appended to the job summary, verdict and exit code as outputs', async () => {
    const code = await githubAction({ env: { ...env, INPUT_ARGS: '--only DRYRUN --runs 5' }, cli: CLI, stdio: 'ignore' });
    expect(code).toBe(0);
    const reportDir = join(workspace, 'reports/ec2');
    expect(await outputs()).toEqual({ conformance: 'conformant', 'exit-code': '0', 'report-dir': reportDir });
    const summary = await readFile(join(reportDir, 'summary.md'), 'utf8');
    expect(await readFile(env.GITHUB_STEP_SUMMARY!, 'utf8')).toBe(`## earlier step\n${summary.endsWith('\n') ? summary : `${summary}\n`}`);
  }, 120_000);

  it('a run that finds a bug: exit 1 and not-conformant', async () => {
    const code = await githubAction({ env: { ...env, INPUT_ARGS: '--only DRYRUN --runs 5 --emulator-bug dryrun-wrong-status' }, cli: CLI, stdio: 'ignore' });
    expect(code).toBe(1);
    expect(await outputs()).toMatchObject({ conformance: 'not-conformant', 'exit-code': '1' });
    expect(await readFile(env.GITHUB_STEP_SUMMARY!, 'utf8')).toMatch(/DRYRUN/);
  }, 120_000);

  it('a usage error: exit 2, no verdict, and an old report in the folder is not taken for this run', async () => {
    const reportDir = join(workspace, 'reports/ec2');
    await mkdir(reportDir, { recursive: true });
    await writeFile(join(reportDir, 'report.json'), JSON.stringify({ conformance: 'conformant' }));
    await writeFile(join(reportDir, 'summary.md'), 'an old summary\n');
    const longAgo = new Date(Date.now() - 3_600_000);
    await utimes(join(reportDir, 'report.json'), longAgo, longAgo);
    await utimes(join(reportDir, 'summary.md'), longAgo, longAgo);
    const code = await githubAction({ env: { ...env, INPUT_PROFILE: 'lenient' }, cli: CLI, stdio: 'ignore' });
    expect(code).toBe(2);
    expect(await outputs()).toEqual({ conformance: '', 'exit-code': '2', 'report-dir': reportDir });
    const summary = await readFile(env.GITHUB_STEP_SUMMARY!, 'utf8');
    expect(summary).toMatch(/exited 2 without writing a report/);
    expect(summary).not.toMatch(/an old summary/);
  }, 60_000);

  it('outside GitHub (no GITHUB_OUTPUT or GITHUB_STEP_SUMMARY) it only runs', async () => {
    const { GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: _summary, ...plain } = env;
    const code = await githubAction({ env: { ...plain, INPUT_PROFILE: 'lenient' }, cli: CLI, stdio: 'ignore' });
    expect(code).toBe(2);
    expect(existsSync(output!)).toBe(false);
  }, 60_000);

  it('cleanup after a cancelled job: ec2-idem cleanup with the run\'s ledger and target file; nothing to do for the embedded emulator', async () => {
    expect(await githubActionCleanup({ env, cli: CLI, stdio: 'ignore' })).toBe(0);
    const emulator = await startEmulator();
    try {
      const target = { name: 'loopback', endpoint: emulator.url, regions: ['us-east-1'], imageId: 'ami-0123456789abcdef0', credentials: { accessKeyId: '111111111111', secretAccessKey: 'test' } };
      await writeFile(join(workspace, 'target.json'), JSON.stringify(target));
      const withTarget = { ...env, INPUT_TARGET: 'target.json', INPUT_ARGS: '--only DRYRUN --runs 5' };
      expect(await githubAction({ env: withTarget, cli: CLI, stdio: 'ignore' })).toBe(0);
      expect(existsSync(join(workspace, 'reports/ec2/ledger.jsonl'))).toBe(true);
      expect(await githubActionCleanup({ env: withTarget, cli: CLI, stdio: 'ignore' })).toBe(0);
      // The endpoint gone, the cleanup fails: a warning, never the job's result.
      await emulator.close();
      expect(await githubActionCleanup({ env: withTarget, cli: CLI, stdio: 'ignore' })).toBe(0);
    } finally {
      await emulator.close();
    }
  }, 120_000);
});
