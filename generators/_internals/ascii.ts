import fc from 'fast-check';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
const PUNCTUATION = ' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** Printable ASCII (0x20–0x7E), ordered so that shrinking lands on the plainest character, 'a'. */
export const PRINTABLE_ASCII = [...LOWER, ...UPPER, ...DIGITS, ...PUNCTUATION];

/** Every printable ASCII character, exactly once. */
export const printableChar = (): fc.Arbitrary<string> => fc.constantFrom(...PRINTABLE_ASCII);

export const ALPHANUMERIC = [...LOWER, ...UPPER, ...DIGITS];

/** A printable ASCII string of exactly `length` characters. */
export function printableString(length: number): fc.Arbitrary<string> {
  return fc.string({ unit: printableChar(), minLength: length, maxLength: length });
}

export function swapCase(char: string): string {
  const lower = char.toLowerCase();
  return lower === char ? char.toUpperCase() : lower;
}

export function isLetter(char: string): boolean {
  return char.toLowerCase() !== char.toUpperCase();
}
