// `Filter.N.Name` + `Filter.N.Value.M`: values of one filter are OR-ed, filters are AND-ed, and
// `tag:KEY` / `tag-key` work on any tagged resource. Every value is a pattern (filterPattern.ts),
// compiled once per request; in `tag:KEY` only the values are patterns, KEY is an exact name.
// Unknown names are refused, not ignored, so a typo never silently widens a result.
import { invalidParameterValue, missingParameter } from './errors.ts';
import { compileFilterPattern } from './filterPattern.ts';
import type { FilterPattern } from './filterPattern.ts';
import { readList, readStructList } from './params.ts';
import type { Params } from './params.ts';
import type { Tag } from './store.ts';

export interface Filter {
  name: string;
  /** One pattern per value; the filter passes when any of them matches. */
  patterns: readonly FilterPattern[];
}

/**
 * Filter name → the resource's value(s) the filter's patterns are matched against: a list matches
 * when any of its values does (a network interface's group ids); undefined never matches.
 */
export type FilterFields<T> = Readonly<Record<string, (resource: T) => string | readonly string[] | undefined>>;

function tagFilterKey(name: string): string | undefined {
  return name.startsWith('tag:') && name.length > 4 ? name.slice(4) : undefined;
}

/** The request's filters, each name checked against `fields` (plus `tag:KEY` and `tag-key`). */
export function readFilters<T>(params: Params, fields: FilterFields<T>): Filter[] {
  return readStructList(params, 'Filter').map((filter, index) => {
    const name = filter.get('Name');
    if (name === undefined || name === '') throw missingParameter(`Filter.${index + 1}.Name`);
    if (!Object.hasOwn(fields, name) && name !== 'tag-key' && tagFilterKey(name) === undefined) {
      throw invalidParameterValue(`The filter '${name}' is invalid`);
    }
    const values = readList(filter, 'Value');
    if (values.length === 0) throw invalidParameterValue(`The filter '${name}' has no values`);
    return { name, patterns: values.map(compileFilterPattern) };
  });
}

/** The exact strings `filter` can match, when no value has a wildcard (so an index can answer). */
export function literalValues(filter: Filter): string[] | undefined {
  const literals: string[] = [];
  for (const pattern of filter.patterns) {
    if (pattern.literal === undefined) return undefined;
    literals.push(pattern.literal);
  }
  return literals;
}

function anyMatches(filter: Filter, value: string | readonly string[] | undefined): boolean {
  if (value === undefined) return false;
  const values = typeof value === 'string' ? [value] : value;
  return values.some((one) => filter.patterns.some((pattern) => pattern.matches(one)));
}

function matchesTags(tags: readonly Tag[], filter: Filter): boolean {
  const key = tagFilterKey(filter.name);
  if (key === undefined) return tags.some((tag) => anyMatches(filter, tag.key));
  return tags.some((tag) => tag.key === key && anyMatches(filter, tag.value));
}

/** True when `resource` passes every filter. */
export function matchesFilters<T extends { tags: readonly Tag[] }>(resource: T, filters: readonly Filter[], fields: FilterFields<T>): boolean {
  return filters.every((filter) => {
    const field = Object.hasOwn(fields, filter.name) ? fields[filter.name] : undefined;
    return field ? anyMatches(filter, field(resource)) : matchesTags(resource.tags, filter);
  });
}
