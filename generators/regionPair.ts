import fc from 'fast-check';

/** Two distinct regions of the target, in either order. */
export function regionPair<R>(regions: readonly R[]): fc.Arbitrary<readonly [R, R]> {
  if (regions.length < 2) throw new Error(`regionPair: needs at least 2 regions, but the target has ${regions.length}`);
  return fc
    .uniqueArray(fc.integer({ min: 0, max: regions.length - 1 }), { minLength: 2, maxLength: 2 })
    .map(([a, b]) => [regions[a ?? 0] as R, regions[b ?? 1] as R] as const);
}
