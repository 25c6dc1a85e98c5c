import { text } from '../decode.ts';
import type { Call } from '../encode.ts';
import type { Ok } from '../outcome.ts';
import { literalFilterValue } from './filterValue.ts';

// A type alias, not an interface, so that it is assignable to the encoder's QueryValue.
export type Filter = {
  readonly Name: string;
  readonly Value: readonly string[];
};

/**
 * One page of a `Describe*` call narrowed by filters (`Filter.N.Name`, `Filter.N.Value.M`). Every
 * value is matched literally: the suite never means a wildcard, so each value is escaped here, once.
 */
export function describeCall(action: string, filters: readonly Filter[], nextToken: string | undefined): Call {
  const literal = filters.map((filter) => ({ Name: filter.Name, Value: filter.Value.map(literalFilterValue) }));
  return { action, params: { Filter: literal, NextToken: nextToken } };
}

/** The next page's token of a describe answer; an empty `<nextToken/>` means there is none. */
export function nextTokenOf(answer: Ok): string | undefined {
  const token = text(answer.body, 'nextToken');
  return token === '' ? undefined : token;
}
