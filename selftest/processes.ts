import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import { request } from 'undici';

export interface ServerProcess {
  readonly url: string;
  stop(): Promise<void>;
}

const CLI = fileURLToPath(new URL('../bin/ec2-idem-ts.js', import.meta.url));

/** `ec2-idem emulator` in its own process, so the load generator and the server each get a core. */
export async function startEmulatorProcess(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(process.execPath, [CLI, 'emulator', '--port', '0', '--known-key-from-env', '--strict-auth'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => {
      const match = /http:\/\/[\d.]+:\d+/.exec(chunk.toString());
      if (match) resolve(match[0]);
      else reject(new Error(`emulator said: ${chunk.toString()}`));
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  return { url, stop: () => stop(child) };
}

/** moto_server on a free port, when it is installed; undefined otherwise. */
export async function startMoto(): Promise<ServerProcess | undefined> {
  const port = await freePort();
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const failed = new Promise<undefined>((resolve) => child.once('error', () => resolve(undefined)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i += 1) {
    const up = await Promise.race([failed, request(`${url}/moto-api/`).then((r) => (r.body.dump(), true), () => false)]);
    if (up === undefined) return undefined;
    if (up) return { url, stop: () => stop(child) };
    await delay(100);
  }
  await stop(child);
  return undefined;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, delay(5000).then(() => child.kill('SIGKILL'))]);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
