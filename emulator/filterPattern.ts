// EC2 describe filter values are patterns (EC2 User Guide, "List and filter using the CLI and
// API"; the SDK's Filter type): `*` matches zero or more characters, `?` exactly one, and a
// backslash makes the next character literal, so `\*amazon\?\\` matches the string `*amazon?\`.
// Matching is case-sensitive. A backslash before an ordinary character just makes that character
// literal (`a\b` matches `ab`); a lone trailing backslash has nothing to escape and is read as a
// literal backslash (`a\` matches `a\`). "Character" means a Unicode code point.
//
// A small matcher rather than a RegExp: no metacharacter of a value can leak into a regex, and
// many stars cannot make the match backtrack exponentially while scanning 100,000 instances.

const ANY = Symbol('*');
const ONE = Symbol('?');
type Token = string | typeof ANY | typeof ONE;

export interface FilterPattern {
  /** The value as sent. */
  readonly source: string;
  /** The one string this pattern matches when it has no unescaped wildcard (an index can answer it). */
  readonly literal: string | undefined;
  matches(value: string): boolean;
}

function tokenize(source: string): Token[] {
  const chars = [...source];
  const tokens: Token[] = [];
  for (let index = 0; index < chars.length; index += 1) {
    const char = chars[index]!;
    if (char === '\\') {
      index += 1;
      tokens.push(chars[index] ?? '\\');
    } else {
      tokens.push(char === '*' ? ANY : char === '?' ? ONE : char);
    }
  }
  return tokens;
}

// Greedy glob match that retries only from the last `*`: O(pattern × text) at worst.
function globMatch(tokens: readonly Token[], text: readonly string[]): boolean {
  let p = 0;
  let t = 0;
  let starAt = -1;
  let starText = 0;
  while (t < text.length) {
    const token = tokens[p];
    if (token === ANY) {
      starAt = p;
      starText = t;
      p += 1;
    } else if (token !== undefined && (token === ONE || token === text[t])) {
      p += 1;
      t += 1;
    } else if (starAt >= 0) {
      p = starAt + 1;
      starText += 1;
      t = starText;
    } else {
      return false;
    }
  }
  while (tokens[p] === ANY) p += 1;
  return p === tokens.length;
}

/** Compiles one filter value once; `matches` is then called per resource. */
export function compileFilterPattern(source: string): FilterPattern {
  const tokens = tokenize(source);
  if (tokens.every((token) => typeof token === 'string')) {
    const literal = (tokens as string[]).join('');
    return { source, literal, matches: (value) => value === literal };
  }
  return { source, literal: undefined, matches: (value) => globMatch(tokens, [...value]) };
}
