// Resource ids shaped like EC2's: a prefix and 17 lower-case hex digits. Random, never sequential,
// so that ids carry no information a client could lean on.
import { randomBytes, randomUUID } from 'node:crypto';

export type IdPrefix = 'i' | 'r' | 'lt' | 'vol' | 'sg' | 'vpc' | 'subnet' | 'eni';

export function newResourceId(prefix: IdPrefix): string {
  return `${prefix}-${randomBytes(9).toString('hex').slice(0, 17)}`;
}

export function newRequestId(): string {
  return randomUUID();
}
