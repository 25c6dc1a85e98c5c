import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { clientToken } from '../../generators/clientToken.ts';
import { TokenMinter } from '../../harness/tokens.ts';

const isPrintable = (token: string) => /^[\x20-\x7e]*$/.test(token);

function mintUntilExhausted(minter: TokenMinter, token: string, limit: number): string[] {
  const minted: string[] = [];
  for (let i = 0; i < limit; i += 1) {
    const next = minter.mint(token);
    if (next === undefined) break;
    minted.push(next);
  }
  return minted;
}

describe('TokenMinter.mint', () => {
  test.prop([clientToken({ minLength: 3, maxLength: 128 })])('keeps the length and the first and last characters', (token) => {
    const minted = new TokenMinter().mint(token);
    expect(minted).toBeDefined();
    const value = minted as string;
    expect(value.length).toBe(token.length);
    expect(value[0]).toBe(token[0]);
    expect(value.at(-1)).toBe(token.at(-1));
    expect(isPrintable(value)).toBe(true);
    // Only the window of up to 8 characters after the first is rewritten.
    expect(value.slice(9)).toBe(token.slice(9));
  });

  it('the inputs of the property above are often longer than the rewritten window', () => {
    expect(fc.sample(clientToken({ minLength: 3, maxLength: 128 }), { seed: 1, numRuns: 50 }).filter((t) => t.length > 10).length).toBeGreaterThan(10);
  });

  it('every mint of one run is distinct, even for the same input', () => {
    const minter = new TokenMinter();
    const token = 'the-same-generated-token-every-time';
    const minted = Array.from({ length: 10_000 }, () => minter.mint(token));
    expect(minted.every((t) => t !== undefined && t.length === token.length)).toBe(true);
    expect(new Set(minted).size).toBe(10_000);
  });

  it('two runs (two minters) mint different tokens from the same input', () => {
    const token = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    const first = new TokenMinter();
    const second = new TokenMinter();
    const a = Array.from({ length: 1000 }, () => first.mint(token));
    const b = new Set(Array.from({ length: 1000 }, () => second.mint(token)));
    expect(a.filter((t) => b.has(t))).toEqual([]);
  });

  it('1-character tokens run out after 95 distinct values, then mint answers undefined', () => {
    const minter = new TokenMinter();
    const minted = mintUntilExhausted(minter, 'x', 200);
    expect(minted).toHaveLength(95);
    expect(new Set(minted).size).toBe(95);
    expect(minted.every((t) => t.length === 1 && isPrintable(t))).toBe(true);
    expect(minter.mint('y')).toBeUndefined();
  });

  it('2-character tokens run out after 9,025 distinct values', () => {
    const minter = new TokenMinter();
    const minted = mintUntilExhausted(minter, 'ab', 10_000);
    expect(minted).toHaveLength(95 * 95);
    expect(new Set(minted).size).toBe(95 * 95);
    expect(minter.mint('zz')).toBeUndefined();
    // The 2-character space is separate: a 1-character token can still be minted.
    expect(minter.mint('q')).toHaveLength(1);
  });

  it('the empty token cannot be minted', () => {
    expect(new TokenMinter().mint('')).toBeUndefined();
  });

  // Regression (found by these tests, fixed in the product).
  it('minting 3-character tokens does not use up the 1-character ones', () => {
    const minter = new TokenMinter();
    expect(mintUntilExhausted(minter, 'abc', 95)).toHaveLength(95);
    expect(minter.mint('a')).toBeDefined();
  });

  it('exhausting one 3-character token leaves others of the same length mintable', () => {
    const minter = new TokenMinter();
    mintUntilExhausted(minter, 'abc', 95);
    expect(minter.mint('xyz')).toBeDefined();
  });
});

describe('TokenMinter.claim', () => {
  it('refuses a token already minted or claimed, accepts a new one once', () => {
    const minter = new TokenMinter();
    const minted = minter.mint('some-token-value') as string;
    expect(minter.claim(minted)).toBe(false);
    expect(minter.claim('Some-Token-Value')).toBe(true);
    expect(minter.claim('Some-Token-Value')).toBe(false);
  });

  it('a claimed token is never minted afterwards', () => {
    const minter = new TokenMinter();
    for (const char of ['a', 'b', 'c', 'd', 'e']) minter.claim(char);
    const minted = mintUntilExhausted(minter, 'z', 200);
    expect(minted).toHaveLength(90);
    expect(minted.filter((t) => ['a', 'b', 'c', 'd', 'e'].includes(t))).toEqual([]);
  });
});
