// `TagSpecification.N.ResourceType` + `TagSpecification.N.Tag.M.Key/Value`, validated the way EC2
// documents tags: keys 1–128 characters and not `aws:`-prefixed, values up to 256, at most 50.
import { invalidParameterValue, missingParameter } from './errors.ts';
import { readStructList } from './params.ts';
import type { Params } from './params.ts';
import type { Tag } from './store.ts';

const MAX_TAGS = 50;

function readTags(spec: Params, where: string): Tag[] {
  const tags = readStructList(spec, 'Tag').map((tag, index) => {
    const key = tag.get('Key');
    if (key === undefined || key === '') throw missingParameter(`${where}.Tag.${index + 1}.Key`);
    const value = tag.get('Value') ?? '';
    if ([...key].length > 128 || key.toLowerCase().startsWith('aws:')) {
      throw invalidParameterValue(`Tag key '${key}' is invalid: use 1 to 128 characters, not starting with 'aws:'.`);
    }
    if ([...value].length > 256) throw invalidParameterValue(`Tag value for key '${key}' is longer than 256 characters.`);
    return { key, value };
  });
  if (tags.length === 0) throw invalidParameterValue(`${where} must have at least one tag.`);
  if (tags.length > MAX_TAGS) throw invalidParameterValue(`${where} has more than ${MAX_TAGS} tags.`);
  if (new Set(tags.map((tag) => tag.key)).size !== tags.length) throw invalidParameterValue(`${where} repeats a tag key.`);
  return tags;
}

/** Tags per resource type from `prefix.N…`; every resource type must be one of `allowedTypes`. */
export function readTagSpecifications(params: Params, prefix: string, allowedTypes: readonly string[]): Map<string, Tag[]> {
  const byType = new Map<string, Tag[]>();
  readStructList(params, prefix).forEach((spec, index) => {
    const where = `${prefix}.${index + 1}`;
    const type = spec.get('ResourceType');
    if (type === undefined || type === '') throw missingParameter(`${where}.ResourceType`);
    if (!allowedTypes.includes(type)) {
      throw invalidParameterValue(`'${type}' is not a valid taggable resource type for this operation; use one of ${allowedTypes.join(', ')}.`);
    }
    if (byType.has(type)) throw invalidParameterValue(`The resource type '${type}' is given in more than one tag specification.`);
    byType.set(type, readTags(spec, where));
  });
  return byType;
}
