// MaxResults / NextToken. The token is an opaque offset into the filtered result; absent when
// nothing more follows.
import { Ec2Fault } from './errors.ts';
import { readInteger } from './params.ts';
import type { Params } from './params.ts';

export interface PageRequest {
  start: number;
  /** Undefined: everything from `start`. */
  size: number | undefined;
}

export interface Page<T> {
  items: T[];
  nextToken: string | undefined;
}

const TOKEN_PREFIX = 'offset:';

function invalidToken(): Ec2Fault {
  return new Ec2Fault('InvalidPaginationToken', 'The specified pagination token is not valid or is expired.');
}

function decodeToken(token: string | undefined): number {
  if (token === undefined) return 0;
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const offset = text.startsWith(TOKEN_PREFIX) ? Number(text.slice(TOKEN_PREFIX.length)) : Number.NaN;
  if (!Number.isSafeInteger(offset) || offset < 1) throw invalidToken();
  return offset;
}

export function readPageRequest(params: Params, minSize: number, maxSize: number): PageRequest {
  return { start: decodeToken(params.get('NextToken')), size: readInteger(params, 'MaxResults', minSize, maxSize) };
}

export function paginate<T>(items: readonly T[], request: PageRequest): Page<T> {
  const end = request.size === undefined ? items.length : request.start + request.size;
  const more = end < items.length;
  return {
    items: items.slice(request.start, end),
    nextToken: more ? Buffer.from(`${TOKEN_PREFIX}${end}`, 'utf8').toString('base64url') : undefined,
  };
}
