// Readers for EC2 Query parameters. Lists are flattened as `Name.N` (N from 1) and structures nest
// with `.`, so `Filter.2.Value.1` is the first value of the second filter (REF-QUERY-ENCODING).
import { invalidParameterValue, missingParameter } from './errors.ts';

/** Parameter name → value, names case-sensitive. */
export type Params = ReadonlyMap<string, string>;

const INDEX = /^[1-9]\d*$/;

/** Entries `prefix.N<rest>` grouped by N, in ascending N. */
function byIndex(params: Params, prefix: string): Array<[number, Array<[string, string]>]> {
  const groups = new Map<number, Array<[string, string]>>();
  const head = `${prefix}.`;
  for (const [name, value] of params) {
    if (!name.startsWith(head)) continue;
    const rest = name.slice(head.length);
    const dot = rest.indexOf('.');
    const index = dot === -1 ? rest : rest.slice(0, dot);
    if (!INDEX.test(index)) continue;
    const group = groups.get(Number(index)) ?? [];
    group.push([dot === -1 ? '' : rest.slice(dot + 1), value]);
    groups.set(Number(index), group);
  }
  return [...groups].sort(([a], [b]) => a - b);
}

/** `prefix.1`, `prefix.2`, … as a list of values, in index order. */
export function readList(params: Params, prefix: string): string[] {
  return byIndex(params, prefix).flatMap(([, entries]) => entries.filter(([sub]) => sub === '').map(([, value]) => value));
}

/** `prefix.N.member` as one sub-parameter map per N (keys relative to `prefix.N.`), in index order. */
export function readStructList(params: Params, prefix: string): Params[] {
  return byIndex(params, prefix).map(([, entries]) => new Map(entries.filter(([sub]) => sub !== '')));
}

/** `prefix.member` as a sub-parameter map with keys relative to `prefix.`. */
export function readStruct(params: Params, prefix: string): Params {
  const head = `${prefix}.`;
  return new Map([...params].filter(([name]) => name.startsWith(head)).map(([name, value]) => [name.slice(head.length), value]));
}

export function readString(params: Params, name: string): string | undefined {
  return params.get(name);
}

/** The value of `name`; an absent or empty value is a MissingParameter. */
export function requireString(params: Params, name: string): string {
  const value = params.get(name);
  if (value === undefined || value === '') throw missingParameter(name);
  return value;
}

export function readBoolean(params: Params, name: string): boolean | undefined {
  const value = params.get(name);
  if (value === undefined) return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw invalidParameterValue(`Value (${value}) for parameter ${name} is invalid. Expected: 'true' or 'false'.`);
}

/** A whole number from `min` to `max`, written in plain decimal. */
export function readInteger(params: Params, name: string, min: number, max: number): number | undefined {
  const value = params.get(name);
  if (value === undefined) return undefined;
  const number = /^-?\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= min && number <= max)) {
    throw invalidParameterValue(`Value (${value}) for parameter ${name} is invalid. Expected an integer from ${min} to ${max}.`);
  }
  return number;
}
