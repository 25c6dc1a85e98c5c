import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { regionPair } from '../../generators/regionPair.ts';

describe('regionPair', () => {
  test.prop([fc.uniqueArray(fc.stringMatching(/^[a-z]{2}-[a-z]+-[1-9]$/), { minLength: 2, maxLength: 6 }).chain((regions) => fc.tuple(fc.constant(regions), regionPair(regions)))])(
    'gives two distinct regions of the target',
    ([regions, [a, b]]) => {
      expect(a).not.toBe(b);
      expect(regions).toContain(a);
      expect(regions).toContain(b);
    },
  );

  it('gives both orders of a two-region target', () => {
    const pairs = fc.sample(regionPair(['us-east-1', 'us-west-2']), { seed: 42, numRuns: 50 }).map((p) => p.join(','));
    expect(new Set(pairs)).toEqual(new Set(['us-east-1,us-west-2', 'us-west-2,us-east-1']));
  });

  it.each([[[]], [['us-east-1']]])('refuses a target with fewer than 2 regions (%o)', (regions) => {
    expect(() => regionPair(regions)).toThrow(`regionPair: needs at least 2 regions, but the target has ${regions.length}`);
  });
});
