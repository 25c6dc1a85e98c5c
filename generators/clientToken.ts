import fc from 'fast-check';
import { printableString } from './_internals/ascii.ts';
import { tokenLength, tokenLengthRange } from './_internals/tokenLength.ts';
import { HOSTILE_MIN_LENGTH, hostileToken } from './hostileToken.ts';

/** Constraints of {@link clientToken}. */
export interface ClientTokenConstraints {
  /** Shortest token. @defaultValue 1 */
  readonly minLength?: number;
  /** Longest token: the action's limit (RunInstances 64, CreateLaunchTemplate 128). @defaultValue 64 */
  readonly maxLength?: number;
}

/**
 * Valid client tokens over the whole space: any printable ASCII character (space and punctuation
 * included), any length in range, with the edges (shortest, limit − 1, limit) drawn often. From
 * 12 characters on, 2 tokens in 5 are {@link hostileToken}s (about 1 in 3 overall, depending on
 * the range), which random characters would rarely give.
 */
export function clientToken(constraints: ClientTokenConstraints = {}): fc.Arbitrary<string> {
  const { minLength, maxLength } = tokenLengthRange('clientToken', constraints);
  // The length first, as before, so that the edges are drawn as often as without hostile tokens.
  return tokenLength(minLength, maxLength).chain((length) =>
    length < HOSTILE_MIN_LENGTH
      ? printableString(length)
      : fc.oneof(
          { arbitrary: printableString(length), weight: 3 },
          { arbitrary: hostileToken({ minLength: length, maxLength: length }), weight: 2 },
        ),
  );
}
