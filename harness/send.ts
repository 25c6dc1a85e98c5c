import { Agent, request, type Dispatcher } from 'undici';
import type { TransportFailure } from './outcome.ts';
import type { SignedRequest } from './sign.ts';

/** A complete HTTP answer, before anyone looked at what it says. */
export interface RawExchange {
  readonly kind: 'exchange';
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
  /** True when the body exceeded `maxBodyBytes` and was cut there. */
  readonly truncated: boolean;
}

export interface DispatcherOptions {
  /** Keep-alive connections per origin. @defaultValue 8 */
  readonly connections?: number;
  /** Interceptors in the order a request meets them (first = outermost). @defaultValue [] */
  readonly interceptors?: readonly Dispatcher.DispatcherComposeInterceptor[];
  /** @defaultValue 5000 */
  readonly connectTimeoutMs?: number;
}

export function createDispatcher(options: DispatcherOptions = {}): Dispatcher {
  const agent = new Agent({
    connections: options.connections ?? 8,
    connect: { timeout: options.connectTimeoutMs ?? 5000 },
    keepAliveTimeout: 4000,
  });
  // undici's compose makes its last argument the outermost; ours reads first-to-last as the request flows.
  const interceptors = [...(options.interceptors ?? [])].reverse();
  return interceptors.length > 0 ? agent.compose(...interceptors) : agent;
}

export interface SendOptions {
  readonly dispatcher: Dispatcher;
  /** The whole attempt, connect to last byte. @defaultValue 10000 */
  readonly timeoutMs?: number;
  /** @defaultValue 8 MiB */
  readonly maxBodyBytes?: number;
}

/** Sends one attempt. Never throws for anything the network or the endpoint does. */
export async function send(signed: SignedRequest, options: SendOptions): Promise<RawExchange | TransportFailure> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await request(signed.url, {
      method: signed.method,
      headers: signed.headers,
      body: signed.body,
      dispatcher: options.dispatcher,
      signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const { text, truncated } = await readBounded(response.body, options.maxBodyBytes ?? 8 * 1024 * 1024);
    return { kind: 'exchange', status: response.statusCode, headers: response.headers, body: text, truncated };
  } catch (error) {
    return toTransportFailure(error, signal.aborted, timeoutMs);
  }
}

async function readBounded(body: AsyncIterable<Buffer> & { destroy(): unknown }, maxBytes: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size > maxBytes) {
      body.destroy();
      return { text: Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8'), truncated: true };
    }
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false };
}

// Codes for which the request provably never left this process.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

function toTransportFailure(error: unknown, timedOut: boolean, timeoutMs: number): TransportFailure {
  if (timedOut) {
    return { kind: 'transport-failure', code: 'TIMEOUT', message: `no complete answer within ${timeoutMs} ms`, maybeCommitted: true };
  }
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'transport-failure', code, message, maybeCommitted: !NOT_SENT_CODES.has(code) };
}

function errorCode(error: unknown): string {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code.length > 0) return code;
  }
  return 'UNKNOWN';
}
