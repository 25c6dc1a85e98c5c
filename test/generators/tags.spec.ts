import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { tagKey, tags } from '../../generators/tags.ts';

const RESERVED = /^(aws:|ec2-idem:)/i;

describe('tags', () => {
  test.prop([tags()])('keys are unique, unreserved and trimmed; values trimmed; at most 3', (list) => {
    expect(list.length).toBeLessThanOrEqual(3);
    expect(new Set(list.map((t) => t.Key)).size).toBe(list.length);
    for (const { Key, Value } of list) {
      expect(Key).toMatch(/^[A-Za-z0-9 +\-=._:/@]{1,16}$/);
      expect(Key).not.toMatch(RESERVED);
      expect(Key.trim()).toBe(Key);
      expect(Value.length).toBeLessThanOrEqual(24);
      expect(Value.trim()).toBe(Value);
    }
  });

  test.prop([tags({ maxTags: 1 })])('maxTags bounds the count', (list) => {
    expect(list.length).toBeLessThanOrEqual(1);
  });

  it('tag keys never start with a reserved prefix, in any case', () => {
    const keys = fc.sample(tagKey(), { seed: 42, numRuns: 5000 });
    expect(keys.filter((key) => RESERVED.test(key))).toEqual([]);
    // The filter is reachable (colons are generated), so the check above is not vacuous.
    expect(keys.some((key) => key.includes(':'))).toBe(true);
  });

  it('draws empty and non-empty lists and empty values', () => {
    const lists = fc.sample(tags(), { seed: 42, numRuns: 300 });
    expect(lists.some((l) => l.length === 0)).toBe(true);
    expect(lists.some((l) => l.length === 3)).toBe(true);
    expect(lists.flat().some((t) => t.Value === '')).toBe(true);
  });
});
