import fc from 'fast-check';
import { ALPHANUMERIC, printableChar } from './_internals/ascii.ts';

// A type alias, not an interface, so that a tag is assignable to the encoder's QueryValue.
export type Tag = {
  readonly Key: string;
  readonly Value: string;
};

/** Constraints of {@link tags}. */
export interface TagsConstraints {
  /** @defaultValue 3 */
  readonly maxTags?: number;
}

// Keys the suite itself sets (run and case ids) and AWS's reserved prefix are never generated.
const RESERVED_PREFIXES = ['aws:', 'ec2-idem:'];
const KEY_CHARS = [...ALPHANUMERIC, ' ', '+', '-', '=', '.', '_', ':', '/', '@'];

export function tagKey(): fc.Arbitrary<string> {
  return fc
    .string({ unit: fc.constantFrom(...KEY_CHARS), minLength: 1, maxLength: 16 })
    .filter((key) => key.trim() === key && !RESERVED_PREFIXES.some((prefix) => key.toLowerCase().startsWith(prefix)));
}

export function tagValue(): fc.Arbitrary<string> {
  return fc.string({ unit: printableChar(), maxLength: 24 }).filter((value) => value.trim() === value);
}

/** User tags with distinct keys; values may be empty. */
export function tags(constraints: TagsConstraints = {}): fc.Arbitrary<readonly Tag[]> {
  return fc.uniqueArray(fc.record({ Key: tagKey(), Value: tagValue() }), {
    maxLength: constraints.maxTags ?? 3,
    selector: (tag) => tag.Key,
  });
}
