import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { clientToken } from '../../generators/clientToken.ts';
import { applyVariant, caseVariant, nearVariant } from '../../generators/tokenVariant.ts';

const LIMIT = 64;
const hasLetter = (token: string) => /[a-z]/i.test(token);
const positionsDiffering = (a: string, b: string) => [...a].flatMap((char, i) => (char === b[i] ? [] : [i]));

describe('applyVariant', () => {
  test.prop([clientToken({ maxLength: LIMIT }), caseVariant()])('case: differs only in letter case', (token, variant) => {
    const result = applyVariant(token, variant, LIMIT);
    if (!hasLetter(token)) {
      expect(result).toBeUndefined();
      return;
    }
    expect(result).toBeDefined();
    const other = result as string;
    expect(other).not.toBe(token);
    expect(other.length).toBe(token.length);
    expect(other.toLowerCase()).toBe(token.toLowerCase());
    for (const i of positionsDiffering(token, other)) expect(token[i]).toMatch(/[a-z]/i);
  });

  test.prop([clientToken({ maxLength: LIMIT }), nearVariant()])('edit and space: one position or one end space, never the input, within the limit', (token, variant) => {
    const result = applyVariant(token, variant, LIMIT);
    if (variant.kind === 'edit') {
      expect(result).toBeDefined();
      expect((result as string).length).toBe(token.length);
      expect(positionsDiffering(token, result as string)).toHaveLength(1);
    } else if (variant.kind === 'space') {
      if (token.length === LIMIT) {
        expect(result).toBeUndefined();
        return;
      }
      expect(result).toBe(variant.side === 'left' ? ` ${token}` : `${token} `);
    }
    expect(result).not.toBe(token);
    expect((result as string).length).toBeLessThanOrEqual(LIMIT);
  });

  it('case: letter indexes wrap over the letters only', () => {
    expect(applyVariant('a1b2', { kind: 'case', letters: [0] }, LIMIT)).toBe('A1b2');
    expect(applyVariant('a1b2', { kind: 'case', letters: [1] }, LIMIT)).toBe('a1B2');
    expect(applyVariant('a1b2', { kind: 'case', letters: [3] }, LIMIT)).toBe('a1B2');
    expect(applyVariant('a1b2', { kind: 'case', letters: [0, 2] }, LIMIT)).toBe('A1b2');
    expect(applyVariant('Ab', { kind: 'case', letters: [0, 1] }, LIMIT)).toBe('aB');
    expect(applyVariant('123-', { kind: 'case', letters: [0] }, LIMIT)).toBeUndefined();
  });

  it('edit: a char equal to the current one is replaced by a or b so that it still differs', () => {
    expect(applyVariant('xyz', { kind: 'edit', at: 4, char: 'q' }, LIMIT)).toBe('xqz');
    expect(applyVariant('xyz', { kind: 'edit', at: 1, char: 'y' }, LIMIT)).toBe('xaz');
    expect(applyVariant('abc', { kind: 'edit', at: 0, char: 'a' }, LIMIT)).toBe('bbc');
  });

  it('space: refused when the token is already at the limit', () => {
    expect(applyVariant('abc', { kind: 'space', side: 'left' }, 4)).toBe(' abc');
    expect(applyVariant('abc', { kind: 'space', side: 'right' }, 4)).toBe('abc ');
    expect(applyVariant('abcd', { kind: 'space', side: 'right' }, 4)).toBeUndefined();
  });

  it('nearVariant draws both edits and spaces', () => {
    expect(new Set(fc.sample(nearVariant(), { seed: 42, numRuns: 100 }).map((v) => v.kind))).toEqual(new Set(['edit', 'space']));
  });
});
