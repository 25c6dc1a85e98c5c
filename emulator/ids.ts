// Resource ids shaped like EC2's: a prefix and 17 lower-case hex digits. Random, never sequential,
// so that ids carry no information a client could lean on.
import { randomBytes, randomUUID } from 'node:crypto';

export type IdPrefix =
  | 'i'
  | 'r'
  | 'lt'
  | 'vol'
  | 'sg'
  | 'vpc'
  | 'subnet'
  | 'eni'
  | 'rtb'
  | 'rtbassoc'
  | 'acl'
  | 'eigw'
  | 'pl'
  | 'tmf'
  | 'tmfr'
  | 'vpce'
  | 'nat'
  | 'dopt'
  | 'vpc-cidr-assoc';

// Random hex drawn in bulk: one system call per 256 ids instead of one per id, which matters
// when a launch of 50 instances needs 100 ids.
const HEX_DIGITS = 17;
const POOL_IDS = 256;
let pool = '';
let poolOffset = 0;

function randomHex(): string {
  if (poolOffset + HEX_DIGITS > pool.length) {
    pool = randomBytes(Math.ceil((HEX_DIGITS * POOL_IDS) / 2)).toString('hex');
    poolOffset = 0;
  }
  poolOffset += HEX_DIGITS;
  return pool.slice(poolOffset - HEX_DIGITS, poolOffset);
}

export function newResourceId(prefix: IdPrefix): string {
  return `${prefix}-${randomHex()}`;
}

export function newRequestId(): string {
  return randomUUID();
}
