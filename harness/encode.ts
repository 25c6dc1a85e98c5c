import { escapeUri } from '@smithy/core/protocols';
import { HarnessError } from './errors.ts';

/** A parameter value before flattening: scalars, lists (`Key.N`) and structures (`Key.Member`). */
export type QueryValue =
  | string
  | number
  | boolean
  | undefined
  | readonly QueryValue[]
  | { readonly [member: string]: QueryValue };

/** One EC2 API call, once per operation: the token is already inside `params` (or absent). */
export interface Call {
  readonly action: string;
  readonly params: { readonly [name: string]: QueryValue };
}

/** How to put a call on the wire; every variant is the same request to EC2. */
export interface EncodingOptions {
  /** @defaultValue 'POST' */
  readonly method?: 'POST' | 'GET';
  /**
   * Ranks that reorder the flattened pairs: pair i sorts by `order[i % order.length]` (stable).
   * @defaultValue undefined — Action, Version, then parameters in the order given
   */
  readonly order?: readonly number[];
}

export interface EncodedRequest {
  readonly action: string;
  readonly method: 'POST' | 'GET';
  /** The flattened parameters, in wire order, Action and Version included. */
  readonly pairs: readonly (readonly [string, string])[];
  /** The Query string (GET) or form body (POST) of `pairs`. */
  readonly payload: string;
}

export const API_VERSION = '2016-11-15';

/**
 * Flattens structured parameters the way the EC2 Query protocol does: lists as `Key.1`, `Key.2`
 * (1-based, never `.member.`), structures as `Key.Member`; empty lists and undefined are not sent.
 */
export function flatten(params: Call['params'], prefix = ''): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(params)) appendValue(pairs, prefix + name, value);
  return pairs;
}

function appendValue(pairs: [string, string][], key: string, value: QueryValue): void {
  if (value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((item: QueryValue, index) => appendValue(pairs, `${key}.${index + 1}`, item));
  } else if (typeof value === 'object') {
    pairs.push(...flatten(value as Call['params'], `${key}.`));
  } else if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new HarnessError('EC2IDEM_ENCODE', `parameter ${key}: ${value} is not a finite number`);
  } else {
    pairs.push([key, String(value)]);
  }
}

/** RFC 3986 form encoding, as the AWS SDKs send it (space as %20). */
export function formEncode(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([key, value]) => `${escapeUri(key)}=${escapeUri(value)}`).join('&');
}

export function encode(call: Call, options: EncodingOptions = {}): EncodedRequest {
  const canonical: [string, string][] = [
    ['Action', call.action],
    ['Version', API_VERSION],
    ...flatten(call.params),
  ];
  const pairs = options.order ? reorder(canonical, options.order) : canonical;
  return { action: call.action, method: options.method ?? 'POST', pairs, payload: formEncode(pairs) };
}

function reorder<T>(items: readonly T[], order: readonly number[]): T[] {
  if (order.length === 0) return [...items];
  return items
    .map((item, index) => ({ item, rank: order[index % order.length] ?? 0, index }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ item }) => item);
}
