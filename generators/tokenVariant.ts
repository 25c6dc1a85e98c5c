import fc from 'fast-check';
import { isLetter, printableChar, swapCase } from './_internals/ascii.ts';

/**
 * A second token derived from a first one (after it was made unique): it differs only in case,
 * in one character, by a space at one end, or by what a mangling layer would do to it. Each must
 * be an independent token.
 */
export type TokenVariant =
  | { readonly kind: 'case'; readonly letters: readonly number[] }
  | { readonly kind: 'edit'; readonly at: number; readonly char: string }
  | { readonly kind: 'space'; readonly side: 'left' | 'right' }
  | { readonly kind: 'mangled'; readonly how: Mangling };

/** What a layer between the wire and a token store may do to a token; none of them lengthens it. */
export type Mangling = 'percent-decoded' | 'plus-as-space' | 'trimmed' | 'case-folded' | 'entity-decoded';

export const MANGLINGS: readonly Mangling[] = ['percent-decoded', 'plus-as-space', 'trimmed', 'case-folded', 'entity-decoded'];

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

/**
 * Tokens a mangling layer would merge with the first one: the first token decoded, trimmed or
 * lower-cased. Hostile tokens (hostileToken.ts) carry what these change.
 */
export function manglingVariant(): fc.Arbitrary<TokenVariant> {
  return fc.record({ kind: fc.constant('mangled' as const), how: fc.constantFrom(...MANGLINGS) });
}

/**
 * The variant of `token`, or undefined when it would not be another valid token: equal to it,
 * empty, not printable ASCII (a `%XX` or `&#NN;` decoded to a control or non-ASCII character),
 * or longer than `limit`.
 */
export function applyVariant(token: string, variant: TokenVariant, limit: number): string | undefined {
  const result = derive(token, variant);
  return result !== token && result.length > 0 && result.length <= limit && PRINTABLE.test(result) ? result : undefined;
}

/** The distinct valid tokens that the manglings make of `token` (none when it has nothing they change). */
export function manglings(token: string): string[] {
  // No mangling lengthens a token, so its own length is a limit that refuses nothing.
  const forms = MANGLINGS.map((how) => applyVariant(token, { kind: 'mangled', how }, token.length));
  return [...new Set(forms.filter((form): form is string => form !== undefined))];
}

const PRINTABLE = /^[\x20-\x7e]*$/;

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
    case 'mangled':
      return mangle(token, variant.how);
  }
}

function mangle(token: string, how: Mangling): string {
  switch (how) {
    // Once, left to right, as one decoder pass does: '%2541' becomes '%41', not 'A'.
    case 'percent-decoded':
      return token.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    case 'plus-as-space':
      return token.replaceAll('+', ' ');
    // Spaces only: the only whitespace a printable ASCII token can hold.
    case 'trimmed':
      return token.replace(/^ +| +$/g, '');
    case 'case-folded':
      return token.toLowerCase();
    // XML's five named entities and numeric references (decimal, and hex as XML also allows), once.
    case 'entity-decoded':
      return token.replace(/&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/g, (entity, name: string) => {
        if (name in NAMED_ENTITIES) return NAMED_ENTITIES[name as keyof typeof NAMED_ENTITIES];
        const code = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
        // A reference beyond Unicode is no character: left as it is.
        return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      });
  }
}

const NAMED_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as const;
