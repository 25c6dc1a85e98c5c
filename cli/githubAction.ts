// The one script the GitHub Action (action.yml at the repository root) runs, as
// bin/github-action.js: it reads the action's inputs from INPUT_* variables (action.yml sets them
// from `with:`), runs `ec2-idem run` in the workspace, appends the run's summary.md to the job
// summary ($GITHUB_STEP_SUMMARY), writes the verdict, the exit code and the report directory to
// $GITHUB_OUTPUT, and exits as `ec2-idem run` did. Outside GitHub (no GITHUB_* variables) it only runs.
// `bin/github-action.js cleanup` is the action's last step after a cancelled job: `ec2-idem cleanup`
// with the run's ledger, so that a run stopped mid-way leaves nothing behind on the endpoint.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface ActionInputs {
  /** Target file, relative to the workspace. @defaultValue none: the embedded reference emulator */
  readonly target?: string;
  readonly profile?: string;
  /** Plugin paths (relative to the workspace) or package names, each passed as --plugin. */
  readonly plugins: readonly string[];
  /** Relative to the workspace. @defaultValue conformance-report */
  readonly reportDir: string;
  /** Further flags of `ec2-idem run`, split at whitespace (e.g. `--action all --strict`). */
  readonly args: readonly string[];
}

/** What the script writes to $GITHUB_OUTPUT. */
export interface ActionOutputs {
  /** report.json's `conformance`; empty when the run wrote no report (a usage error, a bad target). */
  readonly conformance: string;
  readonly exitCode: number;
  /** Absolute path of the report directory. */
  readonly reportDir: string;
}

type Env = Readonly<Record<string, string | undefined>>;

const input = (env: Env, name: string): string | undefined => {
  const value = env[`INPUT_${name}`]?.trim();
  return value ? value : undefined;
};

/** The action's inputs from the environment; empty inputs count as not given. */
export function actionInputs(env: Env): ActionInputs {
  const plugins = (input(env, 'PLUGINS') ?? '')
    .split(/[\n,]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const args = (input(env, 'ARGS') ?? '').split(/\s+/).filter(Boolean);
  const target = input(env, 'TARGET');
  const profile = input(env, 'PROFILE');
  return { ...(target ? { target } : {}), ...(profile ? { profile } : {}), plugins, reportDir: input(env, 'REPORT_DIR') ?? 'conformance-report', args };
}

/** The `ec2-idem` arguments for these inputs: flags only for inputs that were given. */
export function runArguments(inputs: ActionInputs): string[] {
  return [
    'run',
    ...(inputs.target ? ['--target', inputs.target] : []),
    ...(inputs.profile ? ['--profile', inputs.profile] : []),
    ...inputs.plugins.flatMap((plugin) => ['--plugin', plugin]),
    '--report-dir',
    inputs.reportDir,
    ...inputs.args,
  ];
}

export interface GithubActionOptions {
  readonly env: Env;
  /** The ec2-idem script to run with node (bin/ec2-idem.js; tests give bin/ec2-idem-ts.js). */
  readonly cli: string;
  /** Where the run's output goes. @defaultValue inherited */
  readonly stdio?: 'inherit' | 'ignore';
}

/** Runs the suite as the action does and returns its exit code. */
export async function githubAction(options: GithubActionOptions): Promise<number> {
  const { env } = options;
  const inputs = actionInputs(env);
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const reportDir = resolve(workspace, inputs.reportDir);
  const args = runArguments(inputs);
  if (options.stdio !== 'ignore') process.stdout.write(`ec2-idem ${args.join(' ')}\n`);
  const started = Date.now();
  const exitCode = await runCli(options, args, workspace);
  // Only what this run wrote: a report left in the folder by an earlier run says nothing about this one.
  const fresh = (file: string): string | undefined => {
    const path = join(reportDir, file);
    try {
      return statSync(path).mtimeMs >= started - 1000 ? readFileSync(path, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  };
  const report = fresh('report.json');
  const conformance = report === undefined ? '' : String((JSON.parse(report) as { conformance?: unknown }).conformance ?? '');
  const outputs: ActionOutputs = { conformance, exitCode, reportDir };
  if (env.GITHUB_STEP_SUMMARY) {
    const summary = fresh('summary.md') ?? `**ec2-idem run** exited ${exitCode} without writing a report: the step's log says why.\n`;
    appendFileSync(env.GITHUB_STEP_SUMMARY, summary.endsWith('\n') ? summary : `${summary}\n`);
  }
  if (env.GITHUB_OUTPUT) {
    appendFileSync(env.GITHUB_OUTPUT, `conformance=${outputs.conformance}\nexit-code=${outputs.exitCode}\nreport-dir=${outputs.reportDir}\n`);
  }
  return exitCode;
}

/**
 * After a cancelled job: deletes what the run created (`ec2-idem cleanup` with its ledger and the
 * target file). Nothing to do for the embedded emulator, which ended with the run. Returns 0 even
 * when the cleanup fails (a warning says so): the job's result is the run's.
 */
export async function githubActionCleanup(options: GithubActionOptions): Promise<number> {
  const inputs = actionInputs(options.env);
  const workspace = options.env.GITHUB_WORKSPACE || process.cwd();
  const ledger = resolve(workspace, inputs.reportDir, 'ledger.jsonl');
  const endpoint = inputs.target !== undefined || inputs.args.includes('--endpoint');
  if (!endpoint || !existsSync(ledger)) {
    process.stdout.write(`ec2-idem cleanup: nothing to do (${endpoint ? `no ledger at ${ledger}` : 'the embedded emulator ended with the run'})\n`);
    return 0;
  }
  const code = await runCli(options, ['cleanup', '--ledger', ledger, ...(inputs.target ? ['--target', inputs.target] : [])], workspace);
  if (code !== 0) process.stdout.write(`::warning::ec2-idem cleanup exited ${code}: resources of the cancelled run may be left; run it again with --ledger ${ledger}\n`);
  return 0;
}

/** `node CLI ...args` in the workspace; a process killed by a signal counts as exit 2 (it vouches for nothing). */
function runCli(options: GithubActionOptions, args: readonly string[], cwd: string): Promise<number> {
  return new Promise<number>((done, fail) => {
    const child = spawn(process.execPath, [options.cli, ...args], { cwd, env: { ...process.env, ...options.env }, stdio: options.stdio ?? 'inherit' });
    child.once('error', fail);
    child.once('exit', (code) => done(code ?? 2));
  });
}
