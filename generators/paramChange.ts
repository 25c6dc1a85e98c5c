import fc from 'fast-check';
import type { LaunchTemplateParams } from './launchTemplateParams.ts';
import { nameSuffix, versionDescription } from './launchTemplateParams.ts';
import type { RunInstancesParams } from './runInstancesParams.ts';
import { tagKey, tagValue, type Tag } from './tags.ts';
import { userData } from './userData.ts';

/**
 * One changed parameter, as data. Applying it always yields a request that differs on the wire,
 * so an endpoint must treat it as a different request. Earlier alternatives shrink first.
 */
export type ParamChange =
  | { readonly field: 'InstanceType' | 'ImageId'; readonly shift: number }
  | { readonly field: 'UserData'; readonly to: string }
  | { readonly field: 'Count' }
  | { readonly field: 'Tags'; readonly op: TagOp }
  | { readonly field: 'VersionDescription'; readonly to: string }
  | { readonly field: 'NameSuffix'; readonly to: string }
  | { readonly field: 'Option'; readonly name: string; readonly shift: number };

/** The name of what a change changes, for messages. */
export function changedName(change: ParamChange): string {
  return change.field === 'Option' ? change.name : change.field;
}

export type TagOp =
  | { readonly kind: 'set-value'; readonly index: number; readonly value: string }
  | { readonly kind: 'add'; readonly tag: Tag }
  | { readonly kind: 'remove'; readonly index: number };

/** Constraints of the change arbitraries: what the target offers to change to. */
export interface ParamChangeConstraints {
  readonly imageIds: readonly string[];
  /** @defaultValue ['t3.micro', 't3.small'] */
  readonly instanceTypes?: readonly string[];
  /** @defaultValue 2 */
  readonly maxInstances?: number;
}

export const tagOp = (): fc.Arbitrary<TagOp> =>
  fc.oneof(
    fc.record({ kind: fc.constant('set-value' as const), index: fc.nat(), value: tagValue() }),
    fc.record({ kind: fc.constant('add' as const), tag: fc.record({ Key: tagKey(), Value: tagValue() }) }),
    fc.record({ kind: fc.constant('remove' as const), index: fc.nat() }),
  );

function commonChanges(constraints: ParamChangeConstraints): fc.Arbitrary<ParamChange>[] {
  const shift = fc.integer({ min: 1, max: 8 });
  const changes: fc.Arbitrary<ParamChange>[] = [];
  if (new Set(constraints.instanceTypes ?? ['t3.micro', 't3.small']).size > 1) changes.push(fc.record({ field: fc.constant('InstanceType' as const), shift }));
  changes.push(fc.record({ field: fc.constant('Tags' as const), op: tagOp() }));
  changes.push(fc.record({ field: fc.constant('UserData' as const), to: userData() }));
  if (new Set(constraints.imageIds).size > 1) changes.push(fc.record({ field: fc.constant('ImageId' as const), shift }));
  return changes;
}

export function runInstancesChange(constraints: ParamChangeConstraints): fc.Arbitrary<ParamChange> {
  const changes = commonChanges(constraints);
  if ((constraints.maxInstances ?? 2) > 1) changes.push(fc.constant({ field: 'Count' as const }));
  return fc.oneof(...changes);
}

export function launchTemplateChange(constraints: ParamChangeConstraints): fc.Arbitrary<ParamChange> {
  return fc.oneof(
    ...commonChanges(constraints),
    fc.record({ field: fc.constant('VersionDescription' as const), to: versionDescription() }),
    fc.record({ field: fc.constant('NameSuffix' as const), to: nameSuffix() }),
  );
}

export function applyRunInstancesChange(params: RunInstancesParams, change: ParamChange, constraints: ParamChangeConstraints): RunInstancesParams {
  switch (change.field) {
    case 'InstanceType':
      return { ...params, InstanceType: shifted(constraints.instanceTypes ?? ['t3.micro', 't3.small'], params.InstanceType, change.shift) };
    case 'ImageId':
      return { ...params, ImageId: shifted(constraints.imageIds, params.ImageId, change.shift) };
    case 'UserData':
      return { ...params, UserData: otherValue(params.UserData, change.to) };
    case 'Tags':
      return { ...params, Tags: applyTagOp(params.Tags, change.op) };
    case 'Count':
      return changeCount(params, constraints.maxInstances ?? 2);
    default:
      throw new Error(`change of ${change.field} does not apply to RunInstances`);
  }
}

export function applyLaunchTemplateChange(params: LaunchTemplateParams, change: ParamChange, constraints: ParamChangeConstraints): LaunchTemplateParams {
  const data = params.Data;
  switch (change.field) {
    case 'InstanceType':
      return { ...params, Data: { ...data, InstanceType: shifted(constraints.instanceTypes ?? ['t3.micro', 't3.small'], data.InstanceType, change.shift) } };
    case 'ImageId':
      return { ...params, Data: { ...data, ImageId: shifted(constraints.imageIds, data.ImageId, change.shift) } };
    case 'UserData':
      return { ...params, Data: { ...data, UserData: otherValue(data.UserData, change.to) } };
    case 'Tags':
      return { ...params, Tags: applyTagOp(params.Tags, change.op) };
    case 'VersionDescription':
      return { ...params, VersionDescription: otherValue(params.VersionDescription, change.to) };
    case 'NameSuffix':
      return { ...params, NameSuffix: change.to === params.NameSuffix ? `${change.to}x` : change.to };
    default:
      throw new Error(`change of ${change.field} does not apply to CreateLaunchTemplate`);
  }
}

/** The next value in `options` after `current`, never `current` itself (options has ≥ 2 entries). */
function shifted(options: readonly string[], current: string, shift: number): string {
  const others = options.filter((option) => option !== current);
  return others[(shift - 1) % others.length] ?? current;
}

/** A different optional value: the new one, or removal when it equals the current one. */
function otherValue(current: string | undefined, to: string): string | undefined {
  return current === to ? undefined : to;
}

function changeCount(params: RunInstancesParams, maxInstances: number): RunInstancesParams {
  if (params.MaxCount < maxInstances) return { ...params, MaxCount: params.MaxCount + 1 };
  const MaxCount = params.MaxCount - 1;
  return { ...params, MaxCount, MinCount: Math.min(params.MinCount, MaxCount) };
}

export function applyTagOp(tags: readonly Tag[], op: TagOp): readonly Tag[] {
  if (op.kind === 'add' && !tags.some((tag) => tag.Key === op.tag.Key)) return [...tags, op.tag];
  if (tags.length === 0) return [op.kind === 'add' ? op.tag : { Key: 'k', Value: '' }];
  if (op.kind === 'remove') return tags.filter((_, index) => index !== op.index % tags.length);
  const index = op.kind === 'add' ? tags.findIndex((tag) => tag.Key === op.tag.Key) : op.index % tags.length;
  const wanted = op.kind === 'add' ? op.tag.Value : op.value;
  return tags.map((tag, i) => (i === index ? { Key: tag.Key, Value: tag.Value === wanted ? `${wanted}x` : wanted } : tag));
}
