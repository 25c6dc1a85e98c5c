import fc from 'fast-check';
import { tags, type Tag } from './tags.ts';
import { userData } from './userData.ts';

/** A RunInstances request's parameters, minus the token and the suite's own tags. */
export interface RunInstancesParams {
  readonly ImageId: string;
  readonly InstanceType: string;
  readonly MinCount: number;
  readonly MaxCount: number;
  readonly UserData?: string;
  readonly Tags: readonly Tag[];
}

/** Constraints of {@link runInstancesParams}. */
export interface RunInstancesParamsConstraints {
  /** Images that exist on the target (per region they may differ; the caller picks the region's). */
  readonly imageIds: readonly [string, ...string[]];
  /** @defaultValue ['t3.micro', 't3.small'] */
  readonly instanceTypes?: readonly string[];
  /** Most instances one launch may ask for; a budget lowers it. @defaultValue 2 */
  readonly maxInstances?: number;
}

export function runInstancesParams(constraints: RunInstancesParamsConstraints): fc.Arbitrary<RunInstancesParams> {
  const instanceTypes = constraints.instanceTypes ?? ['t3.micro', 't3.small'];
  const maxInstances = constraints.maxInstances ?? 2;
  if (instanceTypes.length === 0) throw new Error('runInstancesParams: instanceTypes must not be empty');
  if (!Number.isInteger(maxInstances) || maxInstances < 1) {
    throw new Error(`runInstancesParams: maxInstances must be a positive integer, but received ${maxInstances}`);
  }
  const counts = fc
    .tuple(fc.integer({ min: 1, max: maxInstances }), fc.integer({ min: 1, max: maxInstances }))
    .map(([a, b]) => ({ MinCount: Math.min(a, b), MaxCount: Math.max(a, b) }));
  return fc
    .record(
      {
        ImageId: fc.constantFrom(...constraints.imageIds),
        InstanceType: fc.constantFrom(...instanceTypes),
        counts,
        UserData: userData(),
        Tags: tags(),
      },
      { requiredKeys: ['ImageId', 'InstanceType', 'counts', 'Tags'] },
    )
    .map(({ counts: { MinCount, MaxCount }, ...rest }) => ({ ...rest, MinCount, MaxCount }));
}
