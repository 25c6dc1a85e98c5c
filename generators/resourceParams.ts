import fc from 'fast-check';
import { applyTagOp, tagOp, type ParamChange } from './paramChange.ts';
import { tags, type Tag } from './tags.ts';

/**
 * One option of a create request beyond its tags (a volume's size, a description): its name, the
 * values the suite may send (at least two, so a change always has somewhere to go), and whether
 * the request may leave it out.
 */
export interface OptionSpec {
  readonly name: string;
  readonly values: readonly [string, string, ...string[]];
  /** @defaultValue false */
  readonly optional?: boolean;
}

/** A create's free parameters for the actions whose other inputs are the target's fixtures (a VPC, a subnet). */
export interface ResourceParams {
  readonly Options: Readonly<Record<string, string>>;
  readonly Tags: readonly Tag[];
}

/** Whether the create takes tags: an untagged one (a launch template version) has `Tags: []` and no tag change. */
export interface TaggingConstraint {
  /** @defaultValue true */
  readonly tagged?: boolean;
}

export function resourceParams(options: readonly OptionSpec[], { tagged = true }: TaggingConstraint = {}): fc.Arbitrary<ResourceParams> {
  const entries = options.map((option) => {
    const value = fc.constantFrom(...option.values);
    return option.optional ? fc.option(value, { nil: undefined }).map((v) => [option.name, v] as const) : value.map((v) => [option.name, v] as const);
  });
  return fc.record({ options: fc.tuple(...entries), tags: tagged ? tags() : fc.constant([]) }).map(({ options: chosen, tags: Tags }) => ({
    Options: Object.fromEntries(chosen.filter((entry): entry is readonly [string, string] => entry[1] !== undefined)),
    Tags,
  }));
}

/** One changed parameter of such a create: its tags, or one option moved to another value. */
export function resourceChange(options: readonly OptionSpec[], { tagged = true }: TaggingConstraint = {}): fc.Arbitrary<ParamChange> {
  const changes: fc.Arbitrary<ParamChange>[] = tagged ? [fc.record({ field: fc.constant('Tags' as const), op: tagOp() })] : [];
  for (const option of options) changes.push(fc.record({ field: fc.constant('Option' as const), name: fc.constant(option.name), shift: fc.integer({ min: 1, max: 4 }) }));
  const [first, ...rest] = changes;
  if (first === undefined) throw new Error('an untagged create needs at least one option to change');
  return fc.oneof(first, ...rest);
}

export function applyResourceChange(params: ResourceParams, change: ParamChange, options: readonly OptionSpec[]): ResourceParams {
  if (change.field === 'Tags') return { ...params, Tags: applyTagOp(params.Tags, change.op) };
  if (change.field !== 'Option') throw new Error(`change of ${change.field} does not apply here`);
  const option = options.find((o) => o.name === change.name);
  if (!option) throw new Error(`no option ${change.name}`);
  const current = params.Options[option.name];
  const others = option.values.filter((value) => value !== current);
  const next = others[(change.shift - 1) % others.length]!;
  return { ...params, Options: { ...params.Options, [option.name]: next } };
}
