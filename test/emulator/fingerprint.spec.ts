import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { BugSwitch } from '../../emulator/bugs.ts';
import { fingerprint } from '../../emulator/fingerprint.ts';

const none = new BugSwitch();
const base: Array<[string, string]> = [
  ['ImageId', 'ami-12345678'],
  ['MinCount', '1'],
  ['MaxCount', '2'],
  ['InstanceType', 't3.micro'],
  ['UserData', 'aGk='],
  ['TagSpecification.1.ResourceType', 'instance'],
  ['TagSpecification.1.Tag.1.Key', 'k'],
  ['TagSpecification.1.Tag.1.Value', 'v'],
];

function print(entries: Array<[string, string]>, extra: { method?: string; signing?: string } = {}, bugs = none): string {
  return fingerprint({ params: new Map(entries), method: extra.method ?? 'POST', signing: extra.signing ?? '' }, bugs);
}

describe('fingerprint', () => {
  test.prop([fc.shuffledSubarray(base, { minLength: base.length })])('does not depend on parameter order', (shuffled) => {
    expect(print(shuffled)).toBe(print(base));
  });

  it.each(['ClientToken', 'Action', 'Version', 'DryRun', 'Placement.AvailabilityZone', 'X-Amz-Date'])('ignores %s', (name) => {
    expect(print([...base, [name, 'anything']])).toBe(print(base));
  });

  it('ignores the HTTP method and the signature', () => {
    expect(print(base, { method: 'GET', signing: '20261128T000000Z abc' })).toBe(print(base));
  });

  it.each([
    ['a changed value', [['ImageId', 'ami-87654321'], ...base.slice(1)]],
    ['an added parameter', [...base, ['KeyName', 'k']]],
    ['a removed parameter', base.slice(1)],
    ['a value moved between list positions', [...base, ['SecurityGroupId.1', 'sg-a'], ['SecurityGroupId.2', 'sg-b']]],
  ] as Array<[string, Array<[string, string]>]>)('changes with %s', (_, changed) => {
    expect(print(changed)).not.toBe(print(base));
  });

  it('tells list reorders apart (SecurityGroupId.1/.2 swapped is a different request)', () => {
    const ab = print([...base, ['SecurityGroupId.1', 'sg-a'], ['SecurityGroupId.2', 'sg-b']]);
    const ba = print([...base, ['SecurityGroupId.1', 'sg-b'], ['SecurityGroupId.2', 'sg-a']]);
    expect(ab).not.toBe(ba);
  });

  it.each([
    ['fingerprint-ignores-userdata', 'UserData', 'b3RoZXI='],
    ['fingerprint-ignores-instance-type', 'InstanceType', 'm5.large'],
    ['fingerprint-ignores-tags', 'TagSpecification.1.Tag.1.Value', 'other'],
  ] as const)('%s makes a changed %s invisible', (bug, name, value) => {
    const changed = base.map(([key, old]): [string, string] => [key, key === name ? value : old]);
    expect(print(changed)).not.toBe(print(base));
    expect(print(changed, {}, new BugSwitch(bug))).toBe(print(base, {}, new BugSwitch(bug)));
  });

  it('fingerprint-order-dependent, -includes-method and -includes-signing break equivalent encodings', () => {
    const reversed = [...base].reverse();
    expect(print(reversed, {}, new BugSwitch('fingerprint-order-dependent'))).not.toBe(print(base, {}, new BugSwitch('fingerprint-order-dependent')));
    const method = new BugSwitch('fingerprint-includes-method');
    expect(print(base, { method: 'GET' }, method)).not.toBe(print(base, { method: 'POST' }, method));
    const signing = new BugSwitch('fingerprint-includes-signing');
    expect(print(base, { signing: 'a' }, signing)).not.toBe(print(base, { signing: 'b' }, signing));
  });
});
