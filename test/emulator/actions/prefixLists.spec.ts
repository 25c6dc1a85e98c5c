import { describe, expect, it } from 'vitest';
import { fakeClock, inProcessEmulator, items } from '../support/inProcess.ts';
import type { Params } from '../support/inProcess.ts';

const LIST = { Action: 'CreateManagedPrefixList', PrefixListName: 'office', MaxEntries: 3, AddressFamily: 'IPv4', 'Entry.1.Cidr': '192.0.2.0/24', 'Entry.1.Description': 'hq', 'Entry.2.Cidr': '198.51.100.0/24' };

describe('CreateManagedPrefixList', () => {
  it('answers prefixList (create-in-progress, version 1, no clientToken); describe shows create-complete; entries are readable', async () => {
    const clock = fakeClock();
    const emulator = inProcessEmulator({ clock });
    const answer = await emulator.call({ ...LIST, ClientToken: 'p'.repeat(255) });
    expect(Object.keys(answer.body)).toEqual(['requestId', 'prefixList']);
    const id = answer.body.prefixList.prefixListId;
    expect(answer.body.prefixList).toEqual({
      prefixListId: expect.stringMatching(/^pl-[0-9a-f]{17}$/),
      addressFamily: 'IPv4',
      state: 'create-in-progress',
      prefixListArn: `arn:aws:ec2:us-east-1:123456789012:prefix-list/${id}`,
      prefixListName: 'office',
      maxEntries: '3',
      version: '1',
      ownerId: '123456789012',
    });
    clock.advance(1000);
    const [described] = items((await emulator.call({ Action: 'DescribeManagedPrefixLists', 'Filter.1.Name': 'prefix-list-name', 'Filter.1.Value.1': 'off*' })).body.prefixListSet);
    expect(described).toMatchObject({ prefixListId: id, state: 'create-complete' });
    const entries = await emulator.call({ Action: 'GetManagedPrefixListEntries', PrefixListId: id });
    expect(items(entries.body.entrySet)).toEqual([{ cidr: '192.0.2.0/24', description: 'hq' }, { cidr: '198.51.100.0/24' }]);
    expect((await emulator.call({ Action: 'GetManagedPrefixListEntries', PrefixListId: id, TargetVersion: 2 })).code).toBe('InvalidParameterValue');
    const deleted = await emulator.call({ Action: 'DeleteManagedPrefixList', PrefixListId: id });
    expect(deleted.body.prefixList).toMatchObject({ prefixListId: id, state: 'delete-in-progress' });
    expect((await emulator.call({ Action: 'GetManagedPrefixListEntries', PrefixListId: id })).code).toBe('InvalidPrefixListID.NotFound');
  });

  it('takes IPv6 lists with IPv6 entries', async () => {
    const answer = await inProcessEmulator().call({ Action: 'CreateManagedPrefixList', PrefixListName: 'v6', MaxEntries: 1, AddressFamily: 'IPv6', 'Entry.1.Cidr': '2001:db8::/32' });
    expect(answer.body.prefixList.addressFamily).toBe('IPv6');
  });

  it.each<[Record<string, string | number | undefined>, string]>([
    [{ PrefixListName: undefined }, 'MissingParameter'],
    [{ MaxEntries: undefined }, 'MissingParameter'],
    [{ AddressFamily: undefined }, 'MissingParameter'],
    [{ PrefixListName: 'com.amazonaws.mine' }, 'InvalidParameterValue'],
    [{ MaxEntries: 0 }, 'InvalidParameterValue'],
    [{ MaxEntries: 1001 }, 'InvalidParameterValue'],
    [{ MaxEntries: 1 }, 'InvalidParameterValue'],
    [{ AddressFamily: 'ipv4' }, 'InvalidParameterValue'],
    [{ 'Entry.2.Cidr': '2001:db8::/32' }, 'InvalidParameterValue'],
    [{ 'Entry.2.Cidr': '192.0.2.0/24' }, 'InvalidParameterValue'],
    [{ 'Entry.2.Cidr': undefined, 'Entry.2.Description': 'no cidr' }, 'MissingParameter'],
    [{ ClientToken: 'p'.repeat(256) }, 'InvalidParameterValue'],
    [{ 'TagSpecification.1.ResourceType': 'vpc', 'TagSpecification.1.Tag.1.Key': 'k' }, 'InvalidParameterValue'],
  ])('refuses %j with %s', async (change, code) => {
    const emulator = inProcessEmulator();
    const params = Object.fromEntries(Object.entries({ ...LIST, ...change }).filter(([, value]) => value !== undefined));
    expect((await emulator.call(params as Params)).code).toBe(code);
    expect(emulator.handler.stats().creates.CreateManagedPrefixList).toBeUndefined();
  });
});
