import fc from 'fast-check';
import { ALPHANUMERIC } from './_internals/ascii.ts';
import { tags, type Tag } from './tags.ts';
import { userData } from './userData.ts';

/** A CreateLaunchTemplate request's parameters, minus the token; the name is made unique by the adapter. */
export interface LaunchTemplateParams {
  /** Appended to a run-unique name prefix. */
  readonly NameSuffix: string;
  readonly VersionDescription?: string;
  readonly Data: {
    readonly ImageId: string;
    readonly InstanceType: string;
    readonly UserData?: string;
  };
  readonly Tags: readonly Tag[];
}

/** Constraints of {@link launchTemplateParams}. */
export interface LaunchTemplateParamsConstraints {
  readonly imageIds: readonly [string, ...string[]];
  /** @defaultValue ['t3.micro', 't3.small'] */
  readonly instanceTypes?: readonly string[];
}

export function nameSuffix(): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...ALPHANUMERIC, '-', '_', '.'), minLength: 1, maxLength: 12 });
}

export function versionDescription(): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...ALPHANUMERIC, ' ', '-'), minLength: 1, maxLength: 32 }).filter((d) => d.trim() === d);
}

export function launchTemplateParams(constraints: LaunchTemplateParamsConstraints): fc.Arbitrary<LaunchTemplateParams> {
  const instanceTypes = constraints.instanceTypes ?? ['t3.micro', 't3.small'];
  const data = fc.record(
    { ImageId: fc.constantFrom(...constraints.imageIds), InstanceType: fc.constantFrom(...instanceTypes), UserData: userData() },
    { requiredKeys: ['ImageId', 'InstanceType'] },
  );
  return fc.record(
    { NameSuffix: nameSuffix(), VersionDescription: versionDescription(), Data: data, Tags: tags() },
    { requiredKeys: ['NameSuffix', 'Data', 'Tags'] },
  );
}
