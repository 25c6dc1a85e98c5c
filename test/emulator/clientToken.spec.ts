import { describe, expect, it } from 'vitest';
import { BugSwitch } from '../../emulator/bugs.ts';
import { readClientToken } from '../../emulator/clientToken.ts';
import type { Ec2Fault } from '../../emulator/errors.ts';

const none = new BugSwitch();

function read(token: string | undefined, limit = 64, bugs = none): string | undefined {
  return readClientToken(new Map(token === undefined ? [] : [['ClientToken', token]]), limit, bugs);
}

function faultOf(run: () => unknown): Ec2Fault | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error as Ec2Fault;
  }
}

describe('readClientToken', () => {
  it('accepts 63 and 64 characters and refuses 65 with InvalidParameterValue naming clientToken and the limit', () => {
    expect(read('a'.repeat(63))).toBe('a'.repeat(63));
    expect(read('a'.repeat(64))).toBe('a'.repeat(64));
    const fault = faultOf(() => read('a'.repeat(65)));
    expect(fault?.code).toBe('InvalidParameterValue');
    expect(fault?.status).toBe(400);
    expect(fault?.message).toMatch(/clientToken.*64/);
  });

  it('uses the action limit (128 for CreateLaunchTemplate)', () => {
    expect(read('a'.repeat(128), 128)).toHaveLength(128);
    expect(faultOf(() => read('a'.repeat(129), 128))?.code).toBe('InvalidParameterValue');
  });

  it.each([
    ['non-ASCII', 'tokén'],
    ['emoji', 'tok🙂'],
    ['control character', 'tok\u0001'],
    ['tab', 'tok\t'],
    ['DEL', 'tok\u007f'],
  ])('refuses a %s token', (_, token) => {
    expect(faultOf(() => read(token))?.code).toBe('InvalidParameterValue');
  });

  it('treats an empty token as absent and keeps every printable ASCII character as is', () => {
    expect(read('')).toBeUndefined();
    expect(read(undefined)).toBeUndefined();
    expect(read(' Tok~!"<&> ')).toBe(' Tok~!"<&> ');
  });

  it('counts characters of the decoded value when a bug lets non-ASCII through', () => {
    const lenient = new BugSwitch('token-non-ascii-accepted');
    expect(read('é'.repeat(64), 64, lenient)).toHaveLength(64);
  });

  it('applies the seeded limit and trimming bugs', () => {
    expect(faultOf(() => read('a'.repeat(64), 64, new BugSwitch('token-limit-63')))?.code).toBe('InvalidParameterValue');
    expect(read('a'.repeat(65), 64, new BugSwitch('token-limit-65'))).toHaveLength(65);
    expect(read('  t  ', 64, new BugSwitch('token-trimmed'))).toBe('t');
  });
});
