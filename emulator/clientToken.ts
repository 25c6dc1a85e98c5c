// The ClientToken parameter: at most `limit` printable ASCII characters, case-sensitive, compared
// byte-exactly. An empty value means no token (REF-TOKEN-FORM, which also gives the limits per action).
import type { BugSwitch } from './bugs.ts';
import { invalidParameterValue } from './errors.ts';
import type { Params } from './params.ts';

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

function effectiveLimit(limit: number, bugs: BugSwitch): number {
  if (bugs.on('token-limit-63')) return limit - 1;
  if (bugs.on('token-limit-65')) return limit + 1;
  return limit;
}

/**
 * Each valid `%XX` decoded once more, left to right (so `%2541` gives `%41`); anything else kept. A
 * byte of 0x80 or more becomes a non-ASCII character, which the check below then refuses.
 */
function percentDecoded(value: string): string {
  return value.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The request's token, validated; undefined when absent or empty. Throws InvalidParameterValue. */
export function readClientToken(params: Params, limit: number, bugs: BugSwitch): string | undefined {
  let token = params.get('ClientToken');
  if (bugs.on('token-trimmed')) token = token?.trim();
  // The form decoding is already done; this second pass is the seeded bug.
  if (bugs.on('token-percent-decoded')) token = token === undefined ? undefined : percentDecoded(token);
  if (token === undefined || token === '') return undefined;
  const max = effectiveLimit(limit, bugs);
  // Characters of the decoded value, so a non-ASCII character counts once, as a person would count it.
  const length = [...token].length;
  if (length > max) {
    throw invalidParameterValue(`Value for parameter clientToken is invalid: it has ${length} characters; the limit is ${max}.`);
  }
  if (!bugs.on('token-non-ascii-accepted') && !PRINTABLE_ASCII.test(token)) {
    throw invalidParameterValue('Value for parameter clientToken is invalid: only printable ASCII characters (0x20-0x7E) are allowed.');
  }
  return token;
}
