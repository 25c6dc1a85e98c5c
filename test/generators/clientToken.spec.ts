import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { clientToken } from '../../generators/clientToken.ts';
import { HOSTILE_FRAGMENTS } from '../../generators/hostileToken.ts';

const isPrintableAscii = (token: string) => [...token].every((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) <= 0x7e);
const HOSTILE_CHARS = new Set(HOSTILE_FRAGMENTS.filter((fragment) => fragment.length === 1));
/**
 * A hostile token's layout: any first character, 9 alphanumeric ones, a fragment at 10. Random
 * printable tokens have it about 3 times in 1,000, so the share measured is the hostile share.
 */
const looksHostile = (token: string) => token.length >= 12 && /^.[A-Za-z0-9]{9}/.test(token) && HOSTILE_CHARS.has(token[10] as string);
const hostileShare = (tokens: readonly string[]) => tokens.filter(looksHostile).length / tokens.length;

describe('clientToken', () => {
  test.prop([clientToken()])('every token is 1..64 printable ASCII characters by default', (token) => {
    expect(token.length).toBeGreaterThanOrEqual(1);
    expect(token.length).toBeLessThanOrEqual(64);
    expect(isPrintableAscii(token)).toBe(true);
  });

  test.prop([clientToken({ minLength: 5, maxLength: 128 })])('respects other bounds (CreateLaunchTemplate allows 128)', (token) => {
    expect(token.length).toBeGreaterThanOrEqual(5);
    expect(token.length).toBeLessThanOrEqual(128);
    expect(isPrintableAscii(token)).toBe(true);
  });

  it('draws the edges (min, max - 1, max) often and the middle rarely', () => {
    const lengths = fc.sample(clientToken(), { seed: 42, numRuns: 1000 }).map((token) => token.length);
    const count = (length: number) => lengths.filter((l) => l === length).length;
    // 3/7 of the draws go to the three edges: about 1 in 7 each; any one middle length gets about 1 in 112.
    expect(count(1)).toBeGreaterThan(100);
    expect(count(63)).toBeGreaterThan(100);
    expect(count(64)).toBeGreaterThan(100);
    for (const middle of [2, 10, 32, 62]) expect(count(middle)).toBeLessThan(30);
    expect(Math.min(...lengths)).toBe(1);
    expect(Math.max(...lengths)).toBe(64);
  });

  it('covers the whole printable alphabet, space and punctuation included', () => {
    const chars = new Set(fc.sample(clientToken(), { seed: 42, numRuns: 1000 }).join(''));
    expect(chars.size).toBe(95);
    expect(chars.has(' ')).toBe(true);
    expect(chars.has('~')).toBe(true);
  });

  it.each([
    // Lengths under 12 are never hostile, so the share grows with the shortest length: 2/5 of the rest.
    [{}, 0.28],
    [{ maxLength: 63 }, 0.28],
    [{ minLength: 3, maxLength: 128 }, 0.3],
    [{ minLength: 16, maxLength: 64 }, 0.4],
  ])('draws hostile tokens often with %o (about %s)', (constraints, about) => {
    const share = hostileShare(fc.sample(clientToken(constraints), { seed: 42, numRuns: 2000 }));
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.5);
    expect(Math.abs(share - about)).toBeLessThan(0.05);
  });

  it('still builds when the limit leaves no room for a hostile token (hostileToken would refuse it)', () => {
    const tokens = fc.sample(clientToken({ maxLength: 11 }), { seed: 42, numRuns: 500 });
    expect(tokens.every((token) => token.length >= 1 && token.length <= 11 && isPrintableAscii(token))).toBe(true);
  });

  it('gives only the one length when minLength equals maxLength, and both edges when they are adjacent', () => {
    expect(new Set(fc.sample(clientToken({ minLength: 7, maxLength: 7 }), { seed: 1, numRuns: 50 }).map((t) => t.length))).toEqual(new Set([7]));
    expect(new Set(fc.sample(clientToken({ minLength: 3, maxLength: 4 }), { seed: 1, numRuns: 100 }).map((t) => t.length))).toEqual(new Set([3, 4]));
  });

  it.each([
    [{ minLength: 0 }, /clientToken: minLength .* but received 0$/],
    [{ minLength: 1.5 }, /clientToken: minLength .* but received 1\.5$/],
    [{ minLength: Number.NaN }, /clientToken: minLength .* but received NaN$/],
    [{ minLength: 10, maxLength: 9 }, /clientToken: minLength must be an integer in \[1, maxLength=9\], but received 10$/],
    [{ maxLength: 0 }, /clientToken: maxLength must be a positive integer, but received 0$/],
  ])('refuses bad constraints %o when built, naming the value', (constraints, message) => {
    expect(() => clientToken(constraints)).toThrow(message);
  });

  // Regression (found by these tests, fixed in the product).
  it('refuses a non-integer maxLength with a message naming clientToken and the value', () => {
    expect(() => clientToken({ maxLength: 64.5 })).toThrow(/clientToken: maxLength .*64\.5/);
  });
});
