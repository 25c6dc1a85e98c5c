import { describe, expect, it } from 'vitest';
import { compileFilterPattern } from '../../emulator/filterPattern.ts';

function matches(pattern: string, value: string): boolean {
  return compileFilterPattern(pattern).matches(value);
}

describe('filter value patterns', () => {
  it('matches the documented example: \\*amazon\\?\\\\ is the literal *amazon?\\', () => {
    const pattern = compileFilterPattern(String.raw`\*amazon\?\\`);
    expect(pattern.literal).toBe('*amazon?\\');
    expect(pattern.matches('*amazon?\\')).toBe(true);
    expect(pattern.matches('xamazony\\')).toBe(false);
    expect(pattern.matches('*amazon?')).toBe(false);
  });

  it('* matches zero or more characters', () => {
    expect(matches('web-*', 'web-')).toBe(true);
    expect(matches('web-*', 'web-1-2')).toBe(true);
    expect(matches('*', '')).toBe(true);
    expect(matches('*-db-*', 'eu-db-7')).toBe(true);
    expect(matches('*a*a*a*b', 'a'.repeat(2000))).toBe(false);
    expect(matches('web-*', 'api-1')).toBe(false);
    expect(compileFilterPattern('web-*').literal).toBeUndefined();
  });

  it('? matches exactly one character (a code point)', () => {
    expect(matches('t?', 't1')).toBe(true);
    expect(matches('t?', 't')).toBe(false);
    expect(matches('t?', 't12')).toBe(false);
    expect(matches('t?', 'té')).toBe(true);
    expect(matches('t?', 't😀')).toBe(true);
  });

  it('escaped wildcards match only themselves', () => {
    expect(matches(String.raw`a\*`, 'a*')).toBe(true);
    expect(matches(String.raw`a\*`, 'ab')).toBe(false);
    expect(matches(String.raw`a\?`, 'a?')).toBe(true);
    expect(matches(String.raw`a\?`, 'ab')).toBe(false);
  });

  it('\\\\ is one literal backslash; a backslash before an ordinary character makes it literal', () => {
    expect(matches(String.raw`a\\b`, String.raw`a\b`)).toBe(true);
    expect(matches(String.raw`a\b`, 'ab')).toBe(true);
    expect(matches(String.raw`a\b`, String.raw`a\b`)).toBe(false);
  });

  it('reads a lone trailing backslash as a literal backslash', () => {
    expect(compileFilterPattern('a\\').literal).toBe('a\\');
    expect(matches('a\\', 'a\\')).toBe(true);
    expect(matches('a\\', 'a')).toBe(false);
    expect(matches('*\\', 'x\\')).toBe(true);
  });

  it('a token with a backslash matches only when the backslash is escaped', () => {
    const token = String.raw`aaaa\aaaa`;
    expect(matches(token, token)).toBe(false);
    expect(compileFilterPattern(token).literal).toBe('aaaaaaaa');
    expect(matches(String.raw`aaaa\\aaaa`, token)).toBe(true);
  });

  it('is case-sensitive and treats regex metacharacters as plain characters', () => {
    expect(matches('Tok', 'tok')).toBe(false);
    expect(matches('a.c', 'abc')).toBe(false);
    expect(matches('(x|y)+[z]$', '(x|y)+[z]$')).toBe(true);
    expect(matches('^.*$', 'anything')).toBe(false);
  });
});
