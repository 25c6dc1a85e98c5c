import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// How soon the CLI answers, as a user starts it: the compiled bin (bin/ec2-idem.js → dist/), wall
// time of a whole process from spawn, the median of several. The same for the TypeScript sources
// through tsx (bin/ec2-idem-ts.js, what the bins ran before there was a build) for comparison.
// Wall time on a shared 2-core machine moves with everyone else's load: the load average and a bare
// `node -e 0` are printed beside the figures so they can be read for what they are.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COMPILED = join(ROOT, 'bin/ec2-idem.js');
const FROM_SOURCE = join(ROOT, 'bin/ec2-idem-ts.js');

export interface StartupTimes {
  /** Load average (1, 5, 15 min) when the measuring began. */
  readonly load: readonly number[];
  /** Whether `npm run build` passed (a type error elsewhere still leaves a runnable dist/). */
  readonly built: boolean;
  readonly nodeMs: number;
  readonly helpMs: number;
  readonly emulatorMs: number;
  readonly startMs: number;
  readonly sourceHelpMs: number;
  readonly sourceEmulatorMs: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function medianOf(rounds: number, once: () => number | Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i += 1) times.push(await once());
  return median(times);
}

/** Milliseconds from spawn to exit; a non-zero exit is an error (a figure for a failing command means nothing). */
function timed(command: string, args: readonly string[]): number {
  const started = performance.now();
  const ran = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - started;
  if (ran.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${ran.status ?? ran.signal}: ${ran.stderr}`);
  return ms;
}

/** Milliseconds from spawn until `ec2-idem emulator` prints the line with its URL; the emulator is then stopped. */
function untilListening(bin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bin, 'emulator', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let printed = '';
    let ms: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      if (ms === undefined && /http:\/\/[\d.]+:\d+/.test(printed)) {
        ms = performance.now() - started;
        child.kill('SIGTERM');
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => (ms === undefined ? reject(new Error(`ec2-idem emulator exited ${code} before printing its URL: ${printed}`)) : resolve(ms)));
  });
}

export async function startupTimes(rounds = { help: 9, emulator: 7, start: 3 }): Promise<StartupTimes> {
  const load = loadavg().map((l) => Math.round(l * 10) / 10);
  // Measure the code as it is now, not whatever dist/ an earlier build left.
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build.js')], { cwd: ROOT, stdio: 'ignore' }).status === 0;
  const nodeMs = await medianOf(rounds.help, () => timed(process.execPath, ['-e', '0']));
  const helpMs = await medianOf(rounds.help, () => timed(process.execPath, [COMPILED, '--help']));
  const emulatorMs = await medianOf(rounds.emulator, () => untilListening(COMPILED));
  const sourceHelpMs = await medianOf(Math.min(rounds.help, 5), () => timed(process.execPath, [FROM_SOURCE, '--help']));
  const sourceEmulatorMs = await medianOf(Math.min(rounds.emulator, 5), () => untilListening(FROM_SOURCE));
  const reportDir = mkdtempSync(join(tmpdir(), 'ec2idem-bench-start-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const startMs = await medianOf(rounds.start, () => timed(npm, ['start', '--silent', '--', '--report-dir', reportDir]));
    return { load, built, nodeMs, helpMs, emulatorMs, startMs, sourceHelpMs, sourceEmulatorMs };
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}
