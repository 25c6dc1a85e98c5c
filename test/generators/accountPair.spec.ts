import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountPair } from '../../generators/accountPair.ts';

describe('accountPair', () => {
  it('gives both identities, in both orders, never one twice', () => {
    const pairs = fc.sample(accountPair(['primary', 'secondary'] as const), { seed: 42, numRuns: 50 });
    expect(new Set(pairs.map((p) => p.join(',')))).toEqual(new Set(['primary,secondary', 'secondary,primary']));
  });
});
