import fc from 'fast-check';

/** A token length range, checked; `name` is the generator's, for the error messages. */
export function tokenLengthRange(name: string, constraints: { readonly minLength?: number; readonly maxLength?: number }): { minLength: number; maxLength: number } {
  const minLength = constraints.minLength ?? 1;
  const maxLength = constraints.maxLength ?? 64;
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new Error(`${name}: maxLength must be a positive integer, but received ${maxLength}`);
  }
  if (!Number.isInteger(minLength) || minLength < 1 || minLength > maxLength) {
    throw new Error(`${name}: minLength must be an integer in [1, maxLength=${maxLength}], but received ${minLength}`);
  }
  return { minLength, maxLength };
}

/** Any length in range, with the edges (shortest, limit − 1, limit) drawn 3 times in 7. */
export function tokenLength(minLength: number, maxLength: number): fc.Arbitrary<number> {
  const edges = [...new Set([minLength, Math.max(minLength, maxLength - 1), maxLength])];
  return fc.oneof(
    { arbitrary: fc.integer({ min: minLength, max: maxLength }), weight: 4 },
    { arbitrary: fc.constantFrom(...edges), weight: 3 },
  );
}
