import fc from 'fast-check';
import { isLetter, printableChar, swapCase } from './_internals/ascii.ts';

/**
 * A second token derived from a first one (after it was made unique): it differs only in case,
 * in one character, or by a space at one end. Each must be an independent token.
 */
export type TokenVariant =
  | { readonly kind: 'case'; readonly letters: readonly number[] }
  | { readonly kind: 'edit'; readonly at: number; readonly char: string }
  | { readonly kind: 'space'; readonly side: 'left' | 'right' };

/** Tokens differing only in case: swap the case of one or more of the token's letters. */
export function caseVariant(): fc.Arbitrary<TokenVariant> {
  return fc.record({ kind: fc.constant('case' as const), letters: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 4 }) });
}

/** Tokens differing in exactly one place: one character changed anywhere, or a space added at one end. */
export function nearVariant(): fc.Arbitrary<TokenVariant> {
  return fc.oneof(
    fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), char: printableChar() }),
    fc.record({ kind: fc.constant('space' as const), side: fc.constantFrom('left' as const, 'right' as const) }),
  );
}

/** The variant of `token`, or undefined when it would not differ or would exceed `limit`. */
export function applyVariant(token: string, variant: TokenVariant, limit: number): string | undefined {
  const result = derive(token, variant);
  return result !== token && result.length <= limit ? result : undefined;
}

function derive(token: string, variant: TokenVariant): string {
  switch (variant.kind) {
    case 'case': {
      const letters = [...token].flatMap((char, index) => (isLetter(char) ? [index] : []));
      if (letters.length === 0) return token;
      const chosen = new Set(variant.letters.map((n) => letters[n % letters.length]));
      return [...token].map((char, index) => (chosen.has(index) ? swapCase(char) : char)).join('');
    }
    case 'edit': {
      const at = variant.at % token.length;
      const char = token[at] === variant.char ? (variant.char === 'a' ? 'b' : 'a') : variant.char;
      return token.slice(0, at) + char + token.slice(at + 1);
    }
    case 'space':
      return variant.side === 'left' ? ` ${token}` : `${token} `;
  }
}
