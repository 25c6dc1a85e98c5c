import fc from 'fast-check';
import { ALPHANUMERIC } from './_internals/ascii.ts';
import { tokenLength, tokenLengthRange } from './_internals/tokenLength.ts';

/** Constraints of {@link hostileToken}. */
export interface HostileTokenConstraints {
  /** Shortest token; a hostile token is never shorter than {@link HOSTILE_MIN_LENGTH}. @defaultValue 1 */
  readonly minLength?: number;
  /** Longest token: the action's limit (RunInstances 64, CreateLaunchTemplate 128); at least {@link HOSTILE_MIN_LENGTH}. @defaultValue 64 */
  readonly maxLength?: number;
}

/**
 * What breaks the layers between the wire and a token store: form decoding (`+`, `%XX`, decoded
 * once or twice), query splitting (`&`, `=`), trimming, XML escaping and entity decoding,
 * escapes and wildcards. Every one is printable ASCII and starts with a character that is a
 * fragment by itself, so a fragment cut short at the end of a token is still hostile. The
 * plainest comes first: shrinking lands on it.
 */
export const HOSTILE_FRAGMENTS: readonly string[] = [
  '+', ' ', '%', '&', '=', '<', '>', '"', "'", '\\', '*', '?',
  // %XX that decodes to printable ASCII, upper- and lower-case hex; %25 is '%', so %2541 is
  // 'A' only to a decoder that decodes twice.
  '%20', '%2B', '%2b', '%25', '%41', '%61', '%3D', '%3d', '%26', '%3C', '%7E', '%7e', '%2541', '%252B',
  // A '%' that starts no escape: a strict decoder rejects it, a lenient one keeps it.
  '%%', '%G1', '%zz', '% ', '%x',
  '+ ', '  ', '&=', '=&',
  // Entities, numeric ones too; &amp;amp; is '&amp;' decoded once; near misses a lenient (HTML) decoder takes.
  '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#65;', '&#43;', '&#32;', '&#x41;', '&amp;amp;', '&amp', '&#;',
  '\\\\', '\\"', '\\%', '*?', '%*',
];

// Tokens of 3+ characters are minted (harness/tokens.ts) by overwriting up to 8 characters from
// position 1. The filler covers that window plus one character, so fragments start at 10 and
// never touch minted code; the first character is kept and may be hostile itself.
const FILLER = 9;
const BODY_START = 1 + FILLER;
/** The shortest hostile token: the first character, the filler, and a two-character fragment. */
export const HOSTILE_MIN_LENGTH = BODY_START + 2;

const SINGLE_CHARS = HOSTILE_FRAGMENTS.filter((fragment) => fragment.length === 1);
const plainChar = () => fc.constantFrom(...ALPHANUMERIC);
// An array, not fc.string, whose bias would put 'prototype' and the like in most fillers.
const plainText = (minLength: number, maxLength: number) => fc.array(plainChar(), { minLength, maxLength }).map((chars) => chars.join(''));
const fragment = () => fc.constantFrom(...HOSTILE_FRAGMENTS);

/**
 * Valid client tokens full of what a mangling layer would change, laid out so that minting the
 * token leaves them in place: a kept first character (plain, or a space, `%`, `+`…), 9 plain
 * characters for minting to overwrite, then fragments among plain runs, repeated to the end,
 * which may be one more hostile character (a trailing space). Lengths from max(minLength, 12)
 * to maxLength, the edges often; shrinks toward `aaaaaaaaaa+a`.
 *
 * @throws when maxLength < {@link HOSTILE_MIN_LENGTH}: no hostile token fits, and a caller asking
 * for hostile tokens must not silently get plain ones (clientToken mixes them in only from 12).
 */
export function hostileToken(constraints: HostileTokenConstraints = {}): fc.Arbitrary<string> {
  const { minLength, maxLength } = tokenLengthRange('hostileToken', constraints);
  if (maxLength < HOSTILE_MIN_LENGTH) {
    throw new Error(`hostileToken: maxLength must be at least ${HOSTILE_MIN_LENGTH} to leave fragments where minting keeps them, but received ${maxLength}`);
  }
  const piece = fc.oneof(
    { arbitrary: fragment(), weight: 3 },
    { arbitrary: plainText(1, 6), weight: 2 },
  );
  return fc
    .record({
      length: tokenLength(Math.max(minLength, HOSTILE_MIN_LENGTH), maxLength),
      head: fc.oneof({ withCrossShrink: true }, { arbitrary: plainChar(), weight: 2 }, { arbitrary: fc.constantFrom(...SINGLE_CHARS), weight: 1 }),
      filler: plainText(FILLER, FILLER),
      // The first piece is a fragment, so every token has one right after the filler.
      pieces: fc.tuple(fragment(), fc.array(piece, { maxLength: 31 })),
      tail: fc.option(fc.constantFrom(...SINGLE_CHARS), { nil: '' }),
    })
    .map(({ length, head, filler, pieces: [first, rest], tail }) => {
      // At least 1 character, since length ≥ 12 and the tail has at most 1. The pieces and a
      // plain run repeat to fill it, so a long token carries fragments all along, not just at 10.
      const room = length - BODY_START - tail.length;
      const unit = [first, ...rest].join('') + filler;
      return head + filler + unit.repeat(Math.ceil(room / unit.length)).slice(0, room) + tail;
    });
}
