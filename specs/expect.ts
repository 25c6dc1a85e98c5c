import type { ObservedResource } from '../harness/actions/action.ts';
import { describeOutcome, type Ec2Error, type Ok, type Outcome } from '../harness/outcome.ts';
import type { Observation, RuleHarness } from '../harness/ruleHarness.ts';

/** A broken promise, in one line: what was expected and what the endpoint did. */
export class RuleViolation extends Error {
  override readonly name = 'RuleViolation';
}

/** The outcome could not be decided (read-back failed): reported as such, never as a pass. */
export class Indeterminate extends RuleViolation {}

export function violation(message: string): never {
  throw new RuleViolation(message);
}

function detail(outcome: Outcome): string {
  if (outcome.kind === 'ec2-error') return `${describeOutcome(outcome)} "${outcome.message.slice(0, 100)}"`;
  if (outcome.kind === 'malformed') return `${describeOutcome(outcome)}: ${outcome.snippet.slice(0, 80)}`;
  if (outcome.kind === 'transport-failure') return `${describeOutcome(outcome)} (${outcome.message})`;
  return describeOutcome(outcome);
}

export function expectOk(outcome: Outcome, what: string): Ok {
  if (outcome.kind !== 'ok') violation(`${what}: expected success, got ${detail(outcome)}`);
  return outcome;
}

export interface ErrorExpectation {
  /** Acceptable codes; any code when undefined. */
  readonly codes?: readonly string[];
  /** Acceptable statuses, e.g. [400] or the whole 4xx class. */
  readonly statuses: (status: number) => boolean;
  /** How the statuses read in a message, e.g. "HTTP 400" or "a 4xx status". */
  readonly statusText: string;
}

export const CLIENT_ERROR = (status: number) => status >= 400 && status <= 499;
export const exactly = (expected: number) => (status: number) => status === expected;

export function expectError(outcome: Outcome, expected: ErrorExpectation, what: string): Ec2Error {
  const wanted = `${expected.codes ? expected.codes.join(' or ') : 'an error'} with ${expected.statusText}`;
  if (outcome.kind !== 'ec2-error') violation(`${what}: expected ${wanted}, got ${detail(outcome)}`);
  if (expected.codes && !expected.codes.includes(outcome.code)) violation(`${what}: expected ${wanted}, got ${detail(outcome)}`);
  if (!expected.statuses(outcome.status)) violation(`${what}: expected ${wanted}, got ${detail(outcome)}`);
  return outcome;
}

export function expectSameResponse(h: RuleHarness, first: Ok, second: Ok, what: string): void {
  const differences = h.differences(first, second);
  if (differences.length === 0) return;
  const shown = differences.slice(0, 3).map((d) => `${d.path}: ${d.first} → ${d.second}`).join('; ');
  violation(`${what}: not the same response (${differences.length} difference(s): ${shown})`);
}

export function expectObserved(observation: Observation, what: string): readonly ObservedResource[] {
  if (observation.kind === 'unknown') throw new Indeterminate(`${what}: could not read back (${detail(observation.outcome)})`);
  return observation.resources;
}

/** The ids must be exactly `expected`, order aside. */
export function expectIds(actual: readonly ObservedResource[], expected: readonly string[], what: string): void {
  const got = [...new Set(actual.map((r) => r.id))].sort();
  const want = [...new Set(expected)].sort();
  if (got.length !== want.length || got.some((id, i) => id !== want[i])) {
    violation(`${what}: expected exactly [${want.join(', ')}], found [${got.join(', ')}]`);
  }
}

export function ids(resources: readonly ObservedResource[]): string[] {
  return resources.map((resource) => resource.id);
}
