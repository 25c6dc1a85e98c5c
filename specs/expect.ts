import type { ObservedResource } from '../harness/actions/action.ts';
import { describeOutcome, type Ec2Error, type Ok, type Outcome } from '../harness/outcome.ts';
import type { Observation, RuleHarness } from '../harness/ruleHarness.ts';

// Plugins may import these classes from another copy of the package (its compiled build while the
// suite runs from sources, or two installs): instanceof goes by a registry-wide symbol, not by copy.
const VIOLATION = Symbol.for('ec2-idempotency-conformance:RuleViolation');
const INCONCLUSIVE = Symbol.for('ec2-idempotency-conformance:Inconclusive');

function branded(value: unknown, brand: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

/** A broken promise, in one line: what was expected and what the endpoint did. */
export class RuleViolation extends Error {
  override readonly name = 'RuleViolation';
  readonly [VIOLATION] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, VIOLATION);
  }
}

/**
 * The case could not show what the rule is about: its positive control failed (an endpoint that
 * never replays cannot show that two tokens are independent), or what it did could not be read
 * back. The rule is reported `inconclusive` with this reason: neither passed nor failed.
 */
export class Inconclusive extends Error {
  override readonly name = 'Inconclusive';
  readonly [INCONCLUSIVE] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, INCONCLUSIVE);
  }
}

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

/**
 * A step the rule needs but does not judge (deleting what a case made, so that a replay after the
 * delete can be judged): when it fails the case cannot show anything, so the rule is inconclusive
 * rather than failed. An endpoint that cannot delete has not broken an idempotency promise.
 */
export function expectStepDone(outcome: Outcome, what: string): Ok {
  if (outcome.kind !== 'ok') throw new Inconclusive(`${what} did not succeed, so the rule could not be checked: ${detail(outcome)}`);
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

/**
 * The resources a read-back showed. A read-back that failed makes the case inconclusive, unless
 * `readBackIsTheRule` (the rule is about that very describe call working): then it is a violation.
 */
export function expectObserved(observation: Observation, what: string, readBackIsTheRule = false): readonly ObservedResource[] {
  if (observation.kind === 'observed') return observation.resources;
  const message = `${what}: could not read back (${detail(observation.outcome)})`;
  if (readBackIsTheRule) violation(message);
  throw new Inconclusive(message);
}

/**
 * A successful create that names what it created: at least one resource, each with an id. A 200
 * that names nothing is a broken promise in itself (the caller cannot learn what it got), and a
 * rule that went on would pass on an endpoint that creates nothing at all.
 */
export function expectCreated(h: Pick<RuleHarness, 'action'>, outcome: Outcome, what: string): readonly ObservedResource[] {
  const answer = expectOk(outcome, what);
  const created = h.action.created(answer);
  if (created.length === 0) violation(`${what}: the create answered ${answer.status} but named nothing`);
  return created;
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
