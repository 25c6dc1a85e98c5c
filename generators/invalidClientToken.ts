import fc from 'fast-check';
import { printableString } from './_internals/ascii.ts';

/** How a valid token is made invalid; applied after the token is made unique (see harness/tokens.ts). */
export type TokenCorruption =
  | { readonly kind: 'too-long'; readonly excess: number; readonly filler: string }
  | { readonly kind: 'non-ascii'; readonly at: number; readonly char: string }
  | { readonly kind: 'control'; readonly at: number; readonly char: string };

/** Constraints of {@link tokenCorruption}. */
export interface TokenCorruptionConstraints {
  /** Characters beyond the limit, at most. @defaultValue 64 */
  readonly maxExcess?: number;
}

// Non-ASCII that hides well: Latin-1, a no-break space, a dotless i (case-folds to ASCII), CJK, a
// zero-width space. All in the BMP: one UTF-16 unit each, so however an endpoint counts length
// (units or code points), replacing one character keeps it and only the character is wrong.
const NON_ASCII = ['é', '\u00a0', 'ı', 'ß', '€', '中', '\u200b'];
const CONTROL = ['\u0000', '\t', '\n', '\r', '\u001b', '\u007f'];

/** Invalid tokens: longer than the limit, with a non-ASCII character, or with a control character. */
export function tokenCorruption(constraints: TokenCorruptionConstraints = {}): fc.Arbitrary<TokenCorruption> {
  const maxExcess = constraints.maxExcess ?? 64;
  return fc.oneof(
    // One character too many is the edge an off-by-one limit misses: draw it often.
    fc.record({ kind: fc.constant('too-long' as const), excess: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: maxExcess })), filler: printableString(1) }),
    fc.record({ kind: fc.constant('non-ascii' as const), at: fc.nat(), char: fc.constantFrom(...NON_ASCII) }),
    fc.record({ kind: fc.constant('control' as const), at: fc.nat(), char: fc.constantFrom(...CONTROL) }),
  );
}

/** Applies a corruption to a valid token; `limit` is the action's token limit. */
export function corruptToken(token: string, corruption: TokenCorruption, limit: number): string {
  if (corruption.kind === 'too-long') {
    return token.padEnd(limit + corruption.excess, corruption.filler);
  }
  // Replace, not insert, so the length stays within the limit and only the character is wrong.
  const at = corruption.at % token.length;
  return token.slice(0, at) + corruption.char + token.slice(at + 1);
}
