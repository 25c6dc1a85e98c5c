import { HarnessError } from '../harness/errors.ts';

/** One of `count` parts of a run's rule × action list (`index` counts from 1, as in `--shard 2/3`). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** `i/n` with 1 ≤ i ≤ n, as given to `--shard`. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count || !Number.isSafeInteger(count)) {
    throw new HarnessError('EC2IDEM_USAGE', `--shard must be i/n with 1 ≤ i ≤ n, e.g. 2/3 (got "${text}")`);
  }
  return { index, count };
}

export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/**
 * This shard's part of a list, dealt round-robin in list order: the same list and the same `n`
 * always give the same parts, the parts are disjoint, and together they are the whole list.
 * Without a shard, the whole list.
 */
export function inShard<T>(list: readonly T[], shard: Shard | undefined): T[] {
  if (shard === undefined) return [...list];
  return list.filter((_, position) => position % shard.count === shard.index - 1);
}
