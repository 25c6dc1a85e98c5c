// `Filter.N.Name` + `Filter.N.Value.M`: values of one filter are OR-ed, filters are AND-ed, and
// `tag:KEY` / `tag-key` work on any tagged resource. Unknown names are refused, not ignored,
// so a typo never silently widens a result.
import { invalidParameterValue, missingParameter } from './errors.ts';
import { readList, readStructList } from './params.ts';
import type { Params } from './params.ts';
import type { Tag } from './store.ts';

export interface Filter {
  name: string;
  values: readonly string[];
}

/** Filter name → does the resource match one of the values. */
export type FilterMatchers<T> = Readonly<Record<string, (resource: T, values: readonly string[]) => boolean>>;

function tagFilterKey(name: string): string | undefined {
  return name.startsWith('tag:') && name.length > 4 ? name.slice(4) : undefined;
}

/** The request's filters, each name checked against `matchers` (plus `tag:KEY` and `tag-key`). */
export function readFilters<T>(params: Params, matchers: FilterMatchers<T>): Filter[] {
  return readStructList(params, 'Filter').map((filter, index) => {
    const name = filter.get('Name');
    if (name === undefined || name === '') throw missingParameter(`Filter.${index + 1}.Name`);
    if (!Object.hasOwn(matchers, name) && name !== 'tag-key' && tagFilterKey(name) === undefined) {
      throw invalidParameterValue(`The filter '${name}' is invalid`);
    }
    const values = readList(filter, 'Value');
    if (values.length === 0) throw invalidParameterValue(`The filter '${name}' has no values`);
    return { name, values };
  });
}

function matchesTags(tags: readonly Tag[], filter: Filter): boolean {
  const key = tagFilterKey(filter.name);
  if (key === undefined) return tags.some((tag) => filter.values.includes(tag.key));
  return tags.some((tag) => tag.key === key && filter.values.includes(tag.value));
}

/** True when `resource` passes every filter. */
export function matchesFilters<T extends { tags: readonly Tag[] }>(resource: T, filters: readonly Filter[], matchers: FilterMatchers<T>): boolean {
  return filters.every((filter) => {
    const matcher = Object.hasOwn(matchers, filter.name) ? matchers[filter.name] : undefined;
    return matcher ? matcher(resource, filter.values) : matchesTags(resource.tags, filter);
  });
}
