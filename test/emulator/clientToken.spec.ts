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

describe('readClientToken with token-percent-decoded', () => {
  const decoding = new BugSwitch('token-percent-decoded');

  it.each([
    ['ab%41c', 'abAc'],
    ['%7e%7E', '~~'],
    ['100%25', '100%'],
    ['%25%34%31', '%41'],
  ])('decodes %s once more, to %s', (sent, keyed) => {
    expect(read(sent, 64, decoding)).toBe(keyed);
    expect(read(sent)).toBe(sent);
  });

  it.each(['plain', '50%', '%4', '%zz1', 'a%g1b'])('leaves %s untouched (no valid %XX)', (token) => {
    expect(read(token, 64, decoding)).toBe(token);
  });

  it('refuses a token whose decoding is not ASCII, like any such token', () => {
    expect(faultOf(() => read('caf%C3%A9', 64, decoding))?.code).toBe('InvalidParameterValue');
    expect(read('caf%C3%A9')).toBe('caf%C3%A9');
  });

  it('checks the limit on the decoded token', () => {
    const sent = `${'a'.repeat(62)}%41%42`;
    expect(read(sent, 64, decoding)).toBe(`${'a'.repeat(62)}AB`);
    expect(faultOf(() => read(sent))?.code).toBe('InvalidParameterValue');
  });
});
