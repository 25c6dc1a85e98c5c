import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { runInstancesParams, type RunInstancesParamsConstraints } from '../../generators/runInstancesParams.ts';

const constraints: RunInstancesParamsConstraints = { imageIds: ['ami-1', 'ami-2'], instanceTypes: ['t3.micro', 'm5.large', 'c5.xlarge'], maxInstances: 4 };

function isUserData(value: string): boolean {
  return Buffer.from(value, 'base64').toString('base64') === value && Buffer.from(value, 'base64').toString('utf8').startsWith('#!/bin/sh\n');
}

describe('runInstancesParams', () => {
  test.prop([runInstancesParams(constraints)])('MinCount <= MaxCount <= maxInstances, values from the constraints, UserData base64', (params) => {
    expect(Number.isInteger(params.MinCount) && Number.isInteger(params.MaxCount)).toBe(true);
    expect(params.MinCount).toBeGreaterThanOrEqual(1);
    expect(params.MinCount).toBeLessThanOrEqual(params.MaxCount);
    expect(params.MaxCount).toBeLessThanOrEqual(4);
    expect(constraints.imageIds).toContain(params.ImageId);
    expect(constraints.instanceTypes).toContain(params.InstanceType);
    if (params.UserData !== undefined) expect(isUserData(params.UserData)).toBe(true);
    expect(new Set(params.Tags.map((t) => t.Key)).size).toBe(params.Tags.length);
    expect(Object.keys(params)).not.toContain('counts');
  });

  it('defaults: t3.micro / t3.small and at most 2 instances', () => {
    const sample = fc.sample(runInstancesParams({ imageIds: ['ami-x'] }), { seed: 42, numRuns: 200 });
    expect(new Set(sample.map((p) => p.InstanceType))).toEqual(new Set(['t3.micro', 't3.small']));
    expect(new Set(sample.map((p) => p.MaxCount))).toEqual(new Set([1, 2]));
    expect(sample.some((p) => p.MinCount < p.MaxCount)).toBe(true);
    expect(sample.some((p) => p.UserData === undefined)).toBe(true);
    expect(sample.some((p) => p.UserData !== undefined)).toBe(true);
  });

  it('maxInstances 1 gives single launches only', () => {
    const sample = fc.sample(runInstancesParams({ imageIds: ['ami-x'], maxInstances: 1 }), { seed: 7, numRuns: 50 });
    expect(sample.every((p) => p.MinCount === 1 && p.MaxCount === 1)).toBe(true);
  });

  it.each([
    [{ imageIds: ['ami-x'], maxInstances: 0 }, /runInstancesParams: maxInstances .* received 0$/],
    [{ imageIds: ['ami-x'], maxInstances: 1.5 }, /runInstancesParams: maxInstances .* received 1\.5$/],
    [{ imageIds: ['ami-x'], instanceTypes: [] }, /runInstancesParams: instanceTypes must not be empty/],
  ] as const)('refuses %o when built', (bad, message) => {
    expect(() => runInstancesParams(bad as RunInstancesParamsConstraints)).toThrow(message);
  });
});
