import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { clientToken } from '../../generators/clientToken.ts';
import { corruptToken, tokenCorruption, type TokenCorruption } from '../../generators/invalidClientToken.ts';

const LIMIT = 64;
const codes = (token: string) => [...token].map((char) => char.codePointAt(0) ?? 0);

describe('corruptToken', () => {
  test.prop([clientToken({ maxLength: LIMIT }), tokenCorruption()])('always yields an invalid token of the kind asked for', (token, corruption) => {
    const bad = corruptToken(token, corruption, LIMIT);
    switch (corruption.kind) {
      case 'too-long':
        expect(bad.length).toBe(LIMIT + corruption.excess);
        expect(bad.startsWith(token)).toBe(true);
        break;
      case 'non-ascii':
        expect(codes(bad).some((code) => code > 0x7e)).toBe(true);
        // Counted in characters (code points), the length is unchanged: only one character is wrong.
        expect([...bad].length).toBe(token.length);
        break;
      case 'control':
        expect(codes(bad).some((code) => code < 0x20 || code === 0x7f)).toBe(true);
        expect(bad.length).toBe(token.length);
        expect(bad.length).toBeLessThanOrEqual(LIMIT);
        break;
    }
    expect(bad).not.toBe(token);
  });

  test.prop([clientToken({ maxLength: LIMIT }), tokenCorruption().filter((c) => c.kind === 'non-ascii' && c.char.length === 1)])(
    'a one-unit non-ASCII character keeps the JS length, so the token stays within the limit',
    (token, corruption) => {
      const bad = corruptToken(token, corruption, LIMIT);
      expect(bad.length).toBe(token.length);
      expect(bad.length).toBeLessThanOrEqual(LIMIT);
    },
  );

  it('replaces (not inserts) at `at` modulo the length, and pads with the filler', () => {
    expect(corruptToken('abcd', { kind: 'control', at: 5, char: '\t' }, LIMIT)).toBe('a\tcd');
    expect(corruptToken('abcd', { kind: 'non-ascii', at: 0, char: 'é' }, LIMIT)).toBe('ébcd');
    expect(corruptToken('abc', { kind: 'too-long', excess: 2, filler: 'z' }, 4)).toBe('abczzz');
  });

  // Regression (found by these tests, fixed in the product).
  it('a non-ASCII corruption of a full-length token stays within the limit (no surrogate pairs are drawn)', () => {
    const corruptions = fc.sample(tokenCorruption(), { seed: 7, numRuns: 2000 }).filter((c): c is TokenCorruption & { kind: 'non-ascii' } => c.kind === 'non-ascii');
    expect(corruptions.length).toBeGreaterThan(100);
    for (const corruption of corruptions) expect(corruptToken('a'.repeat(LIMIT), corruption, LIMIT).length).toBe(LIMIT);
  });
});

describe('tokenCorruption', () => {
  test.prop([tokenCorruption({ maxExcess: 3 })])('stays within maxExcess and uses a one-character printable filler', (corruption) => {
    if (corruption.kind !== 'too-long') return;
    expect(corruption.excess).toBeGreaterThanOrEqual(1);
    expect(corruption.excess).toBeLessThanOrEqual(3);
    expect(corruption.filler).toMatch(/^[\x20-\x7e]$/);
  });

  it('draws the one-too-many edge (excess 1) often', () => {
    const excesses = fc.sample(tokenCorruption(), { seed: 42, numRuns: 600 }).flatMap((c) => (c.kind === 'too-long' ? [c.excess] : []));
    expect(excesses.length).toBeGreaterThan(100);
    // Half of the too-long draws are the constant 1, and 1/64 of the rest: well over a third.
    expect(excesses.filter((e) => e === 1).length / excesses.length).toBeGreaterThan(0.35);
    expect(Math.max(...excesses)).toBeGreaterThan(32);
  });

  it('draws all three kinds', () => {
    const kinds = new Set(fc.sample(tokenCorruption(), { seed: 42, numRuns: 200 }).map((c) => c.kind));
    expect(kinds).toEqual(new Set(['too-long', 'non-ascii', 'control']));
  });
});
