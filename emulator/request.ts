// Stage 1: HTTP bytes → the Query parameters of one EC2 call. GET (query string) and POST (form
// body, with or without charset) must yield the same parameters; anything that is not a valid
// form is refused here with a 400, before any other stage sees it.
import type { IncomingMessage } from 'node:http';
import { Ec2Fault } from './errors.ts';

/** Largest request body accepted; EC2 Query calls are small, so more is a client error. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** One HTTP request as received, independent of node:http (in-process callers build these). */
export interface RawHttpRequest {
  method: string;
  /** Path and query string, e.g. `/?Action=DescribeRegions`. */
  url: string;
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  body: Uint8Array;
  /** True when the body was cut at MAX_BODY_BYTES. */
  bodyTooLarge?: boolean;
}

export interface ParsedRequest {
  method: 'GET' | 'POST';
  path: string;
  /** Header names lower-cased, repeated values joined with a comma. */
  headers: Readonly<Record<string, string>>;
  /** Parameters of the URL query string, in received order (signature verification needs them apart). */
  queryParams: ReadonlyArray<readonly [string, string]>;
  /** Every parameter (query string, then body), in received order; names are case-sensitive. */
  params: ReadonlyMap<string, string>;
  body: Uint8Array;
}

const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';
const utf8 = new TextDecoder('utf-8', { fatal: true });

function invalidRequest(message: string): Ec2Fault {
  return new Ec2Fault('InvalidRequest', message);
}

/** Reads the body, keeping at most MAX_BODY_BYTES but draining the rest so the socket stays usable. */
export async function readBody(message: IncomingMessage): Promise<{ body: Uint8Array; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of message as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return { body: Buffer.concat(chunks), tooLarge: size > MAX_BODY_BYTES };
}

function normaliseHeaders(headers: RawHttpRequest['headers']): Record<string, string> {
  const normalised: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    normalised[name.toLowerCase()] = typeof value === 'string' ? value : value.join(',');
  }
  return normalised;
}

/** Decodes `a=1&b=2`; refuses what URLSearchParams would silently repair (bad escapes, bad UTF-8, empty names). */
function parseForm(text: string, where: string): Array<[string, string]> {
  try {
    decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw invalidRequest(`The ${where} is not a valid form: malformed percent-encoding`);
  }
  const pairs = [...new URLSearchParams(text)];
  if (pairs.some(([name]) => name === '')) throw invalidRequest(`The ${where} is not a valid form: a parameter has no name`);
  return pairs;
}

function bodyParams(raw: RawHttpRequest, headers: Record<string, string>): Array<[string, string]> {
  if (raw.body.length === 0) return [];
  const mediaType = (headers['content-type'] ?? FORM_MEDIA_TYPE).split(';')[0]?.trim().toLowerCase();
  if (mediaType !== FORM_MEDIA_TYPE) throw invalidRequest(`Unsupported Content-Type ${mediaType}; send ${FORM_MEDIA_TYPE}`);
  let text: string;
  try {
    text = utf8.decode(raw.body);
  } catch {
    throw invalidRequest('The request body is not valid UTF-8');
  }
  return parseForm(text, 'request body');
}

function collect(pairs: ReadonlyArray<readonly [string, string]>): Map<string, string> {
  const params = new Map<string, string>();
  for (const [name, value] of pairs) {
    if (params.has(name)) throw invalidRequest(`The parameter ${name} is given more than once`);
    params.set(name, value);
  }
  return params;
}

export function parseRequest(raw: RawHttpRequest): ParsedRequest {
  if (raw.bodyTooLarge) {
    throw new Ec2Fault('RequestEntityTooLarge', `The request body exceeds the limit of ${MAX_BODY_BYTES} bytes`);
  }
  const method = raw.method.toUpperCase();
  if (method !== 'GET' && method !== 'POST') throw invalidRequest(`Unsupported HTTP method ${method}; use GET or POST`);
  const headers = normaliseHeaders(raw.headers);
  const queryStart = raw.url.indexOf('?');
  const path = queryStart === -1 ? raw.url : raw.url.slice(0, queryStart);
  const queryParams = queryStart === -1 ? [] : parseForm(raw.url.slice(queryStart + 1), 'query string');
  const fromBody = method === 'POST' ? bodyParams(raw, headers) : [];
  return {
    method,
    path: path === '' ? '/' : path,
    headers,
    queryParams,
    params: collect([...queryParams, ...fromBody]),
    body: raw.body,
  };
}
