import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { encode, flatten, formEncode } from '../../harness/encode.ts';

describe('flatten', () => {
  it('flattens lists 1-based and nests structures with dots, as the EC2 Query protocol does', () => {
    const pairs = flatten({
      ImageId: 'ami-12345678',
      MinCount: 1,
      DryRun: false,
      TagSpecification: [{ ResourceType: 'instance', Tag: [{ Key: 'Name', Value: 'web 1' }, { Key: 'b', Value: '' }] }],
      Filter: [{ Name: 'client-token', Value: ['tok'] }],
      SecurityGroupId: [],
      KeyName: undefined,
    });
    expect(pairs).toEqual([
      ['ImageId', 'ami-12345678'],
      ['MinCount', '1'],
      ['DryRun', 'false'],
      ['TagSpecification.1.ResourceType', 'instance'],
      ['TagSpecification.1.Tag.1.Key', 'Name'],
      ['TagSpecification.1.Tag.1.Value', 'web 1'],
      ['TagSpecification.1.Tag.2.Key', 'b'],
      ['TagSpecification.1.Tag.2.Value', ''],
      ['Filter.1.Name', 'client-token'],
      ['Filter.1.Value.1', 'tok'],
    ]);
  });

  it('refuses a non-finite number with a message naming the parameter', () => {
    expect(() => flatten({ MinCount: Number.NaN })).toThrow(/MinCount/);
  });
});

describe('formEncode', () => {
  it('encodes like the AWS SDKs: RFC 3986, space as %20', () => {
    expect(formEncode([['ClientToken', "a b&c=d+e/f~g*'()!"]])).toBe('ClientToken=a%20b%26c%3Dd%2Be%2Ff~g%2A%27%28%29%21');
  });

  test.prop([fc.string({ unit: 'grapheme-ascii' }), fc.string({ unit: 'grapheme' })])('round-trips through URLSearchParams', (a, b) => {
    const decoded = [...new URLSearchParams(formEncode([['K', a], ['L', b]]))];
    expect(decoded).toEqual([['K', a], ['L', b]]);
  });
});

describe('encode', () => {
  const call = { action: 'RunInstances', params: { ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1, ClientToken: 'tok' } };

  it('puts Action and Version first, then the parameters', () => {
    expect(encode(call).payload).toBe('Action=RunInstances&Version=2016-11-15&ImageId=ami-12345678&MinCount=1&MaxCount=1&ClientToken=tok');
    expect(encode(call).method).toBe('POST');
  });

  test.prop([fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 8 }), fc.constantFrom('GET' as const, 'POST' as const)])(
    'any order and method carry the same set of pairs',
    (order, method) => {
      const variant = encode(call, { order, method });
      expect(variant.method).toBe(method);
      expect([...variant.pairs].sort()).toEqual([...encode(call).pairs].sort());
    },
  );
});
