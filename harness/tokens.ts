import { randomInt } from 'node:crypto';

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
const WINDOW = 8;
const PRIME = 1_000_003n;

/**
 * Makes generated tokens unique for the run (and, through a random salt, across runs), so that
 * a shrunk "a" never replays a token some earlier case bound. Length is kept, and so are the
 * first and last characters (leading/trailing spaces are what trimming bugs trip on): up to 8
 * characters after the first are overwritten with a code unique to this run. Tokens of 1–2
 * characters have only 95 / 9,025 possible values; once those run out `mint` answers undefined.
 */
export class TokenMinter {
  private readonly used = new Set<string>();
  private readonly salt = BigInt(randomInt(2 ** 47));
  /**
   * One counter per family of tokens that share everything but the overwritten window (same
   * length, same kept first and last characters), so that no family uses up another's codes.
   */
  private readonly serials = new Map<string, bigint>();

  mint(token: string): string | undefined {
    const length = token.length;
    if (length === 0) return undefined;
    const [start, width] = length >= 3 ? [1, Math.min(WINDOW, length - 2)] : [0, length];
    const alphabet = width <= 2 ? PRINTABLE : ALNUM;
    const space = BigInt(alphabet.length) ** BigInt(width);
    const family = `${length}:${token.slice(0, start)}:${token.slice(start + width)}`;
    for (let attempt = 0; attempt < 64; attempt += 1) {
      const serial = (this.serials.get(family) ?? 0n) + 1n;
      this.serials.set(family, serial);
      if (serial > space) return undefined;
      const code = encode((this.salt + serial * PRIME) % space, alphabet, width);
      const candidate = token.slice(0, start) + code + token.slice(start + width);
      if (!this.used.has(candidate)) {
        this.used.add(candidate);
        return candidate;
      }
    }
    return undefined;
  }

  /** Marks a token as used, for tokens derived from minted ones (variants). */
  claim(token: string): boolean {
    if (this.used.has(token)) return false;
    this.used.add(token);
    return true;
  }
}

function encode(value: bigint, alphabet: string, width: number): string {
  const base = BigInt(alphabet.length);
  let rest = value;
  let result = '';
  for (let i = 0; i < width; i += 1) {
    result += alphabet[Number(rest % base)];
    rest /= base;
  }
  return result;
}
