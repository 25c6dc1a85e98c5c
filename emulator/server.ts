// The emulator's public entry points: startEmulator() listens on a port; createEmulatorHandler()
// builds the same request handling without listening, for embedding in another server or test.
import { createServer } from 'node:http';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorOptions, ResolvedEmulatorOptions } from './options.ts';
import { resolveEmulatorOptions } from './options.ts';
import { handleRequest } from './pipeline.ts';
import type { RawHttpResponse } from './pipeline.ts';
import { readBody } from './request.ts';
import type { RawHttpRequest } from './request.ts';
import { BUILTIN_ACTIONS } from './router.ts';
import type { ActionTable } from './router.ts';
import { createRuntime } from './runtime.ts';
import { collectStats } from './stats.ts';
import type { EmulatorStats } from './stats.ts';

export type { EmulatorOptions } from './options.ts';
export type { EmulatorStats } from './stats.ts';
export type { RawHttpRequest } from './request.ts';
export type { RawHttpResponse } from './pipeline.ts';
export type { ActionTable } from './router.ts';

export interface EmulatorHandler {
  /** A node:http request listener serving the EC2 Query API. */
  listener: RequestListener;
  /** The same handling without HTTP, for in-process callers. */
  handle(request: RawHttpRequest): Promise<RawHttpResponse>;
  stats(): EmulatorStats;
  options: ResolvedEmulatorOptions;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT` */
  url: string;
  host: string;
  port: number;
  /** Stops listening and closes idle keep-alive sockets; resolves once the server is closed. */
  close(): Promise<void>;
  stats(): EmulatorStats;
}

async function serve(handle: EmulatorHandler['handle'], message: IncomingMessage, response: ServerResponse): Promise<void> {
  const { body, tooLarge } = await readBody(message);
  const answer = await handle({ method: message.method ?? 'GET', url: message.url ?? '/', headers: message.headers, body, bodyTooLarge: tooLarge });
  if (tooLarge) response.shouldKeepAlive = false;
  response.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
  response.end(answer.body);
}

/**
 * Builds the emulator's request handling without listening. `extraActions` adds or replaces
 * actions (embedders' own handlers; they receive the same RequestContext as built-in ones).
 */
export function createEmulatorHandler(options?: EmulatorOptions, extraActions: ActionTable = {}): EmulatorHandler {
  const resolved = resolveEmulatorOptions(options);
  const runtime = createRuntime(resolved);
  const actions: ActionTable = { ...BUILTIN_ACTIONS, ...extraActions };
  const handle = (request: RawHttpRequest): Promise<RawHttpResponse> => handleRequest(runtime, actions, request);
  const listener: RequestListener = (message, response) => {
    // The pipeline answers every failure itself; this only guards a broken socket or stream.
    serve(handle, message, response).catch(() => response.destroy());
  };
  return { listener, handle, stats: () => collectStats(runtime), options: resolved };
}

/**
 * Starts the reference EC2 emulator; options are validated first (an Error names a bad field).
 * `extraActions` as for createEmulatorHandler (plugins' actions).
 */
export async function startEmulator(options?: EmulatorOptions, extraActions: ActionTable = {}): Promise<RunningEmulator> {
  const handler = createEmulatorHandler(options, extraActions);
  const server = createServer(handler.listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(handler.options.port, handler.options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = handler.options.host;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  // Closing twice (a test's own close plus its cleanup hook) resolves both times.
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeIdleConnections();
    }));
  return { url: `http://${urlHost}:${port}`, host, port, stats: handler.stats, close };
}
