import { describe, expect, it } from 'vitest';
import { Ec2Fault } from '../../emulator/errors.ts';
import { readBoolean, readInteger, readList, readStruct, readStructList, requireString } from '../../emulator/params.ts';

const params = new Map([
  ['InstanceId.2', 'i-b'],
  ['InstanceId.1', 'i-a'],
  ['InstanceId.10', 'i-j'],
  ['InstanceId.x', 'ignored'],
  ['InstanceId.01', 'ignored'],
  ['Filter.2.Name', 'tag:Name'],
  ['Filter.2.Value.1', 'web'],
  ['Filter.1.Name', 'client-token'],
  ['Filter.1.Value.2', 't2'],
  ['Filter.1.Value.1', 't1'],
  ['TagSpecification.1.ResourceType', 'instance'],
  ['TagSpecification.1.Tag.1.Key', 'k'],
  ['TagSpecification.1.Tag.1.Value', 'v'],
  ['LaunchTemplateData.ImageId', 'ami-12345678'],
  ['LaunchTemplateData.TagSpecification.1.ResourceType', 'instance'],
  ['DryRun', 'true'],
  ['MaxCount', '3'],
  ['Empty', ''],
]);

describe('params', () => {
  it('reads a flattened list in index order, skipping names that are not list members', () => {
    expect(readList(params, 'InstanceId')).toEqual(['i-a', 'i-b', 'i-j']);
    expect(readList(params, 'Nothing')).toEqual([]);
  });

  it('reads Filter.N.Value.M as structures with nested lists', () => {
    const filters = readStructList(params, 'Filter');
    expect(filters.map((filter) => filter.get('Name'))).toEqual(['client-token', 'tag:Name']);
    expect(readList(filters[0]!, 'Value')).toEqual(['t1', 't2']);
    expect(readList(filters[1]!, 'Value')).toEqual(['web']);
  });

  it('reads TagSpecification.N.Tag.M.Key two levels deep', () => {
    const [spec] = readStructList(params, 'TagSpecification');
    const [tag] = readStructList(spec!, 'Tag');
    expect(spec!.get('ResourceType')).toBe('instance');
    expect([tag!.get('Key'), tag!.get('Value')]).toEqual(['k', 'v']);
  });

  it('reads a structure relative to its prefix', () => {
    const data = readStruct(params, 'LaunchTemplateData');
    expect([...data.keys()]).toEqual(['ImageId', 'TagSpecification.1.ResourceType']);
  });

  it('reads typed scalars and refuses bad ones', () => {
    expect(readBoolean(params, 'DryRun')).toBe(true);
    expect(readBoolean(params, 'Absent')).toBeUndefined();
    expect(() => readBoolean(new Map([['DryRun', 'yes']]), 'DryRun')).toThrow(Ec2Fault);
    expect(readInteger(params, 'MaxCount', 1, 50)).toBe(3);
    expect(() => readInteger(new Map([['MaxCount', '1.5']]), 'MaxCount', 1, 50)).toThrow(/MaxCount/);
    expect(() => readInteger(new Map([['MaxCount', '0']]), 'MaxCount', 1, 50)).toThrow(/from 1 to 50/);
    expect(() => requireString(params, 'Empty')).toThrow(/must contain the parameter Empty/);
  });
});
