import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { HOSTILE_FRAGMENTS, HOSTILE_MIN_LENGTH, hostileToken } from '../../generators/hostileToken.ts';
import { TokenMinter } from '../../harness/tokens.ts';

const isPrintableAscii = (token: string) => /^[\x20-\x7e]*$/.test(token);
const SINGLE_CHARS = new Set(HOSTILE_FRAGMENTS.filter((fragment) => fragment.length === 1));
/** Where the fragments start: after the kept first character and the 9-character filler. */
const BODY_START = 10;

// The ranges callers pass: a target's shortest token (1..16) up to an action's limit, and the tightest fit.
const withConstraints = fc
  .constantFrom(64, 128, 63, 127, 12, 13)
  .chain((maxLength) => fc.record({ minLength: fc.integer({ min: 1, max: Math.min(16, maxLength) }), maxLength: fc.constant(maxLength) }))
  .chain((constraints) => hostileToken(constraints).map((token) => ({ constraints, token })));

describe('hostileToken', () => {
  test.prop([withConstraints])('every token is printable ASCII, in range, and never shorter than 12', ({ constraints, token }) => {
    expect(isPrintableAscii(token)).toBe(true);
    expect(token.length).toBeGreaterThanOrEqual(Math.max(constraints.minLength, HOSTILE_MIN_LENGTH));
    expect(token.length).toBeLessThanOrEqual(constraints.maxLength);
    // The filler is plain; a fragment starts right after it.
    expect(token.slice(1, BODY_START)).toMatch(/^[A-Za-z0-9]{9}$/);
    expect(SINGLE_CHARS.has(token[BODY_START] as string)).toBe(true);
  });

  test.prop([hostileToken({ maxLength: 128 })])('minting keeps the first character and everything from position 9, so fragments survive it', (token) => {
    const minted = new TokenMinter().mint(token);
    expect(minted).toBeDefined();
    const value = minted as string;
    expect(value[0]).toBe(token[0]);
    expect(value.slice(9)).toBe(token.slice(9));
    // Minted code is alphanumeric, so a fragment found in the minted token is one that survived.
    expect(HOSTILE_FRAGMENTS.some((fragment) => value.indexOf(fragment, BODY_START) >= 0)).toBe(true);
    expect(value).not.toBe(token);
  });

  it('the fragments are printable ASCII, each starts with a one-character fragment, and they cover what breaks decoders', () => {
    for (const fragment of HOSTILE_FRAGMENTS) {
      expect(isPrintableAscii(fragment)).toBe(true);
      expect(SINGLE_CHARS.has(fragment[0] as string)).toBe(true);
    }
    expect(new Set(HOSTILE_FRAGMENTS).size).toBe(HOSTILE_FRAGMENTS.length);
    for (const wanted of ['%', '%41', '%2B', '%2b', '%20', '%25', '%zz', '+', '&', '=', ' ', '<', '>', '"', "'", '&amp;', '&lt;', '&#65;', '\\', '*', '?']) {
      expect(HOSTILE_FRAGMENTS).toContain(wanted);
    }
  });

  it('draws every fragment, hostile first and last characters (a space at either end), and the length edges', () => {
    const tokens = fc.sample(hostileToken({ minLength: 1, maxLength: 128 }), { seed: 42, numRuns: 2000 });
    for (const fragment of HOSTILE_FRAGMENTS) expect(tokens.some((token) => token.indexOf(fragment, BODY_START) >= 0)).toBe(true);
    const firsts = tokens.map((token) => token[0] as string);
    const lasts = tokens.map((token) => token.at(-1) as string);
    expect(firsts.filter((char) => SINGLE_CHARS.has(char)).length).toBeGreaterThan(400);
    expect(firsts).toContain(' ');
    expect(firsts).toContain('%');
    expect(lasts).toContain(' ');
    const count = (length: number) => tokens.filter((token) => token.length === length).length;
    for (const edge of [12, 127, 128]) expect(count(edge)).toBeGreaterThan(200);
  });

  it('shrinks toward a plain token with one fragment', () => {
    const smallest = (constraints: { minLength?: number; maxLength?: number }, predicate: (token: string) => boolean) => {
      const result = fc.check(fc.property(hostileToken(constraints), (token) => !predicate(token)), { seed: 42, numRuns: 500 });
      return result.counterexample?.[0];
    };
    expect(smallest({}, () => true)).toBe('aaaaaaaaaa+a');
    expect(smallest({ minLength: 20, maxLength: 128 }, () => true)).toBe('aaaaaaaaaa+aaaaaaaaa');
    // The first fragment cannot become '&amp;' in one step once a later one is: a local minimum, still small.
    const withEntity = smallest({}, (token) => token.includes('&amp;')) as string;
    expect(withEntity).toMatch(/^a{10}.{0,6}$/);
    expect(withEntity).toContain('&amp;');
    expect(smallest({}, (token) => token.endsWith(' '))).toBe('aaaaaaaaaa+ ');
  });

  it('gives only the one length when minLength equals maxLength', () => {
    expect(new Set(fc.sample(hostileToken({ minLength: 30, maxLength: 30 }), { seed: 1, numRuns: 50 }).map((t) => t.length))).toEqual(new Set([30]));
  });

  it.each([
    [{ maxLength: 11 }, /hostileToken: maxLength must be at least 12 .* but received 11$/],
    [{ minLength: 1, maxLength: 1 }, /hostileToken: maxLength must be at least 12 .* but received 1$/],
    [{ minLength: 0 }, /hostileToken: minLength .* but received 0$/],
    [{ minLength: 65 }, /hostileToken: minLength must be an integer in \[1, maxLength=64\], but received 65$/],
    [{ maxLength: 64.5 }, /hostileToken: maxLength must be a positive integer, but received 64\.5$/],
  ])('refuses %o when built, naming the value: a range without room for a hostile token is a caller bug', (constraints, message) => {
    expect(() => hostileToken(constraints)).toThrow(message);
  });
});
