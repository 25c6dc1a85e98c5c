import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { launchTemplateParams, type LaunchTemplateParams } from '../../generators/launchTemplateParams.ts';
import {
  applyLaunchTemplateChange,
  applyRunInstancesChange,
  applyTagOp,
  launchTemplateChange,
  runInstancesChange,
  type ParamChange,
  type ParamChangeConstraints,
} from '../../generators/paramChange.ts';
import { runInstancesParams, type RunInstancesParams } from '../../generators/runInstancesParams.ts';
import type { Tag } from '../../generators/tags.ts';
import { flatten } from '../../harness/encode.ts';

type Constraints = ParamChangeConstraints & { readonly imageIds: readonly [string, ...string[]] };

// From the richest target to the poorest: one image, one instance type, one instance per launch.
const CONSTRAINT_SETS: readonly Constraints[] = [
  { imageIds: ['ami-1', 'ami-2', 'ami-3'], instanceTypes: ['t3.micro', 't3.small', 'm5.large'], maxInstances: 3 },
  { imageIds: ['ami-1'] },
  { imageIds: ['ami-1'], instanceTypes: ['t3.micro'], maxInstances: 1 },
];

const wire = (params: object) => flatten(params as Parameters<typeof flatten>[0]).map(([k, v]) => `${k}=${v}`).sort();
const isUserData = (value: string) => Buffer.from(value, 'base64').toString('base64') === value;
const uniqueKeys = (tags: readonly Tag[]) => new Set(tags.map((t) => t.Key)).size === tags.length;

const runInstancesCase = fc.constantFrom(...CONSTRAINT_SETS).chain((constraints) =>
  fc.record({ constraints: fc.constant(constraints), params: runInstancesParams(constraints), change: runInstancesChange(constraints) }),
);
const launchTemplateCase = fc.constantFrom(...CONSTRAINT_SETS).chain((constraints) =>
  fc.record({ constraints: fc.constant(constraints), params: launchTemplateParams(constraints), change: launchTemplateChange(constraints) }),
);

function expectValidRunInstances(params: RunInstancesParams, c: Constraints): void {
  expect(params.MinCount).toBeGreaterThanOrEqual(1);
  expect(params.MinCount).toBeLessThanOrEqual(params.MaxCount);
  expect(params.MaxCount).toBeLessThanOrEqual(c.maxInstances ?? 2);
  expect(c.imageIds).toContain(params.ImageId);
  expect(c.instanceTypes ?? ['t3.micro', 't3.small']).toContain(params.InstanceType);
  if (params.UserData !== undefined) expect(isUserData(params.UserData)).toBe(true);
  expect(uniqueKeys(params.Tags)).toBe(true);
}

describe('applyRunInstancesChange', () => {
  test.prop([runInstancesCase], { numRuns: 300 })('any generated change yields different, still valid params', ({ constraints, params, change }) => {
    const changed = applyRunInstancesChange(params, change, constraints);
    expect(changed).not.toEqual(params);
    expect(wire(changed)).not.toEqual(wire(params));
    expectValidRunInstances(changed, constraints);
  });

  it('only offers changes the target can make', () => {
    const fields = (c: Constraints) => new Set(fc.sample(runInstancesChange(c), { seed: 42, numRuns: 300 }).map((ch) => ch.field));
    expect(fields(CONSTRAINT_SETS[0] as Constraints)).toEqual(new Set(['InstanceType', 'ImageId', 'UserData', 'Tags', 'Count']));
    expect(fields(CONSTRAINT_SETS[2] as Constraints)).toEqual(new Set(['UserData', 'Tags']));
  });

  const base: RunInstancesParams = { ImageId: 'ami-1', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, UserData: 'IyEvYmluL3NoCmEK', Tags: [] };
  const c = CONSTRAINT_SETS[0] as Constraints;

  it.each<[string, ParamChange, Partial<RunInstancesParams>]>([
    ['InstanceType shifts to the next other type', { field: 'InstanceType', shift: 1 }, { InstanceType: 't3.small' }],
    ['InstanceType shift wraps over the other types', { field: 'InstanceType', shift: 3 }, { InstanceType: 't3.small' }],
    ['ImageId shift 2', { field: 'ImageId', shift: 2 }, { ImageId: 'ami-3' }],
    ['UserData to a new value', { field: 'UserData', to: 'eA==' }, { UserData: 'eA==' }],
    ['UserData to the same value removes it', { field: 'UserData', to: 'IyEvYmluL3NoCmEK' }, { UserData: undefined }],
    ['Count below the maximum adds one', { field: 'Count' }, { MinCount: 1, MaxCount: 2 }],
  ])('%s', (_name, change, expected) => {
    expect(applyRunInstancesChange(base, change, c)).toStrictEqual({ ...base, ...expected });
  });

  it('Count at the maximum removes one and lowers MinCount with it', () => {
    expect(applyRunInstancesChange({ ...base, MinCount: 3, MaxCount: 3 }, { field: 'Count' }, c)).toMatchObject({ MinCount: 2, MaxCount: 2 });
    expect(applyRunInstancesChange({ ...base, MinCount: 1, MaxCount: 3 }, { field: 'Count' }, c)).toMatchObject({ MinCount: 1, MaxCount: 2 });
  });

  it('refuses launch-template-only changes', () => {
    expect(() => applyRunInstancesChange(base, { field: 'NameSuffix', to: 'x' }, c)).toThrow('change of NameSuffix does not apply to RunInstances');
  });

  // Regression (found by these tests, fixed in the product).
  it('a target listing one instance type twice is offered no InstanceType change, and every change is real', () => {
    const twice: Constraints = { imageIds: ['ami-1'], instanceTypes: ['t3.micro', 't3.micro'] };
    const params: RunInstancesParams = { ImageId: 'ami-1', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, Tags: [] };
    const changes = fc.sample(runInstancesChange(twice), { seed: 42, numRuns: 100 });
    expect(changes.some((change) => change.field === 'InstanceType')).toBe(false);
    for (const change of changes) expect(applyRunInstancesChange(params, change, twice)).not.toEqual(params);
  });
});

describe('applyLaunchTemplateChange', () => {
  test.prop([launchTemplateCase], { numRuns: 300 })('any generated change yields different, still valid params', ({ constraints, params, change }) => {
    const changed = applyLaunchTemplateChange(params, change, constraints);
    expect(changed).not.toEqual(params);
    expect(wire(changed)).not.toEqual(wire(params));
    expect(constraints.imageIds).toContain(changed.Data.ImageId);
    expect(constraints.instanceTypes ?? ['t3.micro', 't3.small']).toContain(changed.Data.InstanceType);
    expect(uniqueKeys(changed.Tags)).toBe(true);
    expect(changed.NameSuffix).toMatch(/^[A-Za-z0-9_.-]{1,13}$/);
  });

  const base: LaunchTemplateParams = { NameSuffix: 'web', VersionDescription: 'v1', Data: { ImageId: 'ami-1', InstanceType: 't3.micro' }, Tags: [] };
  const c = CONSTRAINT_SETS[0] as Constraints;

  it('changes the field asked for and nothing else', () => {
    expect(applyLaunchTemplateChange(base, { field: 'NameSuffix', to: 'web' }, c)).toStrictEqual({ ...base, NameSuffix: 'webx' });
    expect(applyLaunchTemplateChange(base, { field: 'NameSuffix', to: 'db' }, c)).toStrictEqual({ ...base, NameSuffix: 'db' });
    expect(applyLaunchTemplateChange(base, { field: 'VersionDescription', to: 'v1' }, c)).toStrictEqual({ ...base, VersionDescription: undefined });
    expect(applyLaunchTemplateChange(base, { field: 'ImageId', shift: 1 }, c)).toStrictEqual({ ...base, Data: { ...base.Data, ImageId: 'ami-2' } });
    expect(applyLaunchTemplateChange(base, { field: 'UserData', to: 'eA==' }, c)).toStrictEqual({ ...base, Data: { ...base.Data, UserData: 'eA==' } });
  });

  it('refuses a Count change (templates have no count)', () => {
    expect(() => applyLaunchTemplateChange(base, { field: 'Count' }, c)).toThrow('change of Count does not apply to CreateLaunchTemplate');
  });
});

describe('applyTagOp', () => {
  const two: readonly Tag[] = Object.freeze([Object.freeze({ Key: 'a', Value: '1' }), Object.freeze({ Key: 'b', Value: '2' })]);

  it.each<[string, readonly Tag[], Parameters<typeof applyTagOp>[1], readonly Tag[]]>([
    ['add a new key appends it', two, { kind: 'add', tag: { Key: 'c', Value: '3' } }, [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }, { Key: 'c', Value: '3' }]],
    ['add an existing key sets its value in place', two, { kind: 'add', tag: { Key: 'b', Value: '9' } }, [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '9' }]],
    ['add an existing tag unchanged appends x to its value', two, { kind: 'add', tag: { Key: 'b', Value: '2' } }, [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2x' }]],
    ['set-value wraps the index', two, { kind: 'set-value', index: 3, value: 'z' }, [{ Key: 'a', Value: '1' }, { Key: 'b', Value: 'z' }]],
    ['set-value to the same value appends x', two, { kind: 'set-value', index: 0, value: '1' }, [{ Key: 'a', Value: '1x' }, { Key: 'b', Value: '2' }]],
    ['set-value of an empty value', [{ Key: 'a', Value: '' }], { kind: 'set-value', index: 0, value: '' }, [{ Key: 'a', Value: 'x' }]],
    ['remove wraps the index', two, { kind: 'remove', index: 2 }, [{ Key: 'b', Value: '2' }]],
    ['remove on no tags adds one instead', [], { kind: 'remove', index: 0 }, [{ Key: 'k', Value: '' }]],
    ['set-value on no tags adds one instead', [], { kind: 'set-value', index: 5, value: 'v' }, [{ Key: 'k', Value: '' }]],
    ['add on no tags adds the tag', [], { kind: 'add', tag: { Key: 'n', Value: 'v' } }, [{ Key: 'n', Value: 'v' }]],
  ])('%s', (_name, tags, op, expected) => {
    expect(applyTagOp(tags, op)).toStrictEqual(expected);
  });

  it('never changes its input', () => {
    applyTagOp(two, { kind: 'remove', index: 0 });
    applyTagOp(two, { kind: 'set-value', index: 0, value: 'q' });
    expect(two).toStrictEqual([{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }]);
  });
});
