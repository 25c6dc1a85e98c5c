// Calls the emulator in process (no sockets) and parses its XML the way a tolerant client would.
import { XMLParser } from 'fast-xml-parser';
import { createEmulatorHandler } from '../../../emulator/server.ts';
import type { EmulatorHandler, RawHttpResponse } from '../../../emulator/server.ts';
import type { EmulatorOptions } from '../../../emulator/options.ts';
import type { ActionTable } from '../../../emulator/router.ts';

export type Params = Record<string, string | number | boolean>;

export interface Answer {
  status: number;
  headers: Record<string, string>;
  xml: string;
  /** The parsed document under its root element (`RunInstancesResponse` or `Response`). */
  body: any;
  /** The EC2 error code, when the answer is an error. */
  code: string | undefined;
}

const parser = new XMLParser({
  ignoreDeclaration: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  isArray: (tagName) => tagName === 'item',
});

export function parseAnswer(status: number, headers: Record<string, string>, xml: string): Answer {
  const document = parser.parse(xml) as Record<string, any>;
  const [root] = Object.keys(document);
  const body = document[root!];
  return { status, headers, xml, body, code: root === 'Response' ? body.Errors.Error.Code : undefined };
}

export function formBody(params: Params): string {
  return new URLSearchParams(Object.entries(params).map(([name, value]) => [name, String(value)])).toString();
}

export interface CallOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
}

export interface InProcessEmulator {
  handler: EmulatorHandler;
  /** The answer as sent, unparsed (for answers that may not be XML at all). */
  send(params: Params, options?: CallOptions): Promise<RawHttpResponse>;
  call(params: Params, options?: CallOptions): Promise<Answer>;
}

/** Unsigned calls land in the default account and the first region (lenient auth). */
export function inProcessEmulator(options: EmulatorOptions = {}, extraActions?: ActionTable): InProcessEmulator {
  const handler = createEmulatorHandler(options, extraActions);
  const send = (params: Params, { method = 'POST', headers = {} }: CallOptions = {}): Promise<RawHttpResponse> => {
    const body = formBody({ Version: '2016-11-15', ...params });
    const raw =
      method === 'GET'
        ? { method, url: `/?${body}`, headers, body: new Uint8Array() }
        : { method, url: '/', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers }, body: Buffer.from(body) };
    return handler.handle(raw);
  };
  return {
    handler,
    send,
    async call(params, options) {
      const answer = await send(params, options);
      return parseAnswer(answer.status, answer.headers, answer.body);
    },
  };
}

/** A controllable clock for lifecycle tests. */
export function fakeClock(start = Date.parse('2026-11-28T08:49:06.250Z')): { now(): number; advance(ms: number): void } {
  let now = start;
  return { now: () => now, advance: (ms) => (now += ms) };
}

/** `item` lists as arrays; an empty `<fooSet/>` parses as '' — normalise to []. */
export function items(value: unknown): any[] {
  return value === '' || value === undefined ? [] : (value as { item: any[] }).item;
}

export const RUN = { Action: 'RunInstances', ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1 } as const;

/**
 * Headers that claim an identity without a valid signature: accepted in lenient mode because the
 * key is unknown (a 12-digit key is the account), and enough to pick the region.
 */
export function claimedIdentity(accessKeyId: string, region: string, signature = '0'.repeat(64)): Record<string, string> {
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20261128/${region}/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`,
    'x-amz-date': '20261128T084906Z',
    host: 'localhost',
  };
}
