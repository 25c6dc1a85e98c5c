import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { launchTemplateParams, nameSuffix, versionDescription } from '../../generators/launchTemplateParams.ts';

const constraints = { imageIds: ['ami-1', 'ami-2'], instanceTypes: ['t3.micro', 'm5.large'] } as const;

const isUserData = (value: string) =>
  Buffer.from(value, 'base64').toString('base64') === value && Buffer.from(value, 'base64').toString('utf8').startsWith('#!/bin/sh\n');

describe('launchTemplateParams', () => {
  test.prop([launchTemplateParams(constraints)])('values come from the constraints; suffix and description are name-safe', (params) => {
    expect(params.NameSuffix).toMatch(/^[A-Za-z0-9_.-]{1,12}$/);
    if (params.VersionDescription !== undefined) {
      expect(params.VersionDescription).toMatch(/^[A-Za-z0-9 -]{1,32}$/);
      expect(params.VersionDescription.trim()).toBe(params.VersionDescription);
    }
    expect(constraints.imageIds).toContain(params.Data.ImageId);
    expect(constraints.instanceTypes).toContain(params.Data.InstanceType);
    if (params.Data.UserData !== undefined) expect(isUserData(params.Data.UserData)).toBe(true);
    expect(new Set(params.Tags.map((t) => t.Key)).size).toBe(params.Tags.length);
  });

  it('optional fields are sometimes there and sometimes not', () => {
    const sample = fc.sample(launchTemplateParams({ imageIds: ['ami-x'] }), { seed: 42, numRuns: 200 });
    expect(new Set(sample.map((p) => p.Data.InstanceType))).toEqual(new Set(['t3.micro', 't3.small']));
    expect(sample.some((p) => p.VersionDescription === undefined) && sample.some((p) => p.VersionDescription !== undefined)).toBe(true);
    expect(sample.some((p) => p.Data.UserData === undefined) && sample.some((p) => p.Data.UserData !== undefined)).toBe(true);
  });

  test.prop([nameSuffix(), versionDescription()])('the part generators alone keep their alphabets', (suffix, description) => {
    expect(suffix).toMatch(/^[A-Za-z0-9_.-]{1,12}$/);
    expect(description).toMatch(/^[A-Za-z0-9-](?:[A-Za-z0-9 -]{0,30}[A-Za-z0-9-])?$/);
  });
});
