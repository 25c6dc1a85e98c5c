import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export interface Finished {
  /** The exit code; -1 when the process was killed (timeout) instead. */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a Node script as its own process and returns how it ended, whatever the exit code. */
export async function runNode(script: string, args: readonly string[], options: { env: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number }): Promise<Finished> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script, ...args], { env: options.env, cwd: options.cwd, timeout: options.timeoutMs ?? 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
