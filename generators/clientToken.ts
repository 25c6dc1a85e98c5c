import fc from 'fast-check';
import { printableString } from './_internals/ascii.ts';

/** Constraints of {@link clientToken}. */
export interface ClientTokenConstraints {
  /** Shortest token. @defaultValue 1 */
  readonly minLength?: number;
  /** Longest token: the action's limit (RunInstances 64, CreateLaunchTemplate 128). @defaultValue 64 */
  readonly maxLength?: number;
}

/**
 * Valid client tokens over the whole space: any printable ASCII character (space and punctuation
 * included), any length in range, with the edges (shortest, limit − 1, limit) drawn often.
 */
export function clientToken(constraints: ClientTokenConstraints = {}): fc.Arbitrary<string> {
  const minLength = constraints.minLength ?? 1;
  const maxLength = constraints.maxLength ?? 64;
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new Error(`clientToken: maxLength must be a positive integer, but received ${maxLength}`);
  }
  if (!Number.isInteger(minLength) || minLength < 1 || minLength > maxLength) {
    throw new Error(`clientToken: minLength must be an integer in [1, maxLength=${maxLength}], but received ${minLength}`);
  }
  const edges = [...new Set([minLength, Math.max(minLength, maxLength - 1), maxLength])];
  return fc.oneof(
    { arbitrary: fc.integer({ min: minLength, max: maxLength }), weight: 4 },
    { arbitrary: fc.constantFrom(...edges), weight: 3 },
  ).chain(printableString);
}
