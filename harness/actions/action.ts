import type fc from 'fast-check';
import type { ParamChange, ParamChangeConstraints } from '../../generators/paramChange.ts';
import type { Call } from '../encode.ts';
import type { Ok } from '../outcome.ts';
import type { ActionName, ResolvedRegion, ResolvedTarget } from '../target.ts';
import type { FixtureKind, Fixtures } from '../fixtures/fixtureKinds.ts';

/** Ids that tie every resource to its run and its property case, so read-back and cleanup never guess. */
export interface CaseContext {
  readonly runId: string;
  /** One rule × action test of the run. */
  readonly testId: string;
  readonly caseId: string;
}

/**
 * Ids nest: a test id is its run id and more (`<run>.<rule>.<action>`, specs/runRule.ts), a case id
 * its test id and a serial (RuleHarness). So any of the three names its run, and a case id its test.
 */
export function runIdOf(id: string): string {
  return id.split('.')[0] ?? id;
}

/** The whole context of a case, from its id alone (see {@link runIdOf}). */
export function contextOfCase(caseId: string): CaseContext {
  return { runId: runIdOf(caseId), testId: caseId.slice(0, Math.max(0, caseId.lastIndexOf('.'))), caseId };
}

export const RUN_TAG = 'ec2-idem:run';
export const TEST_TAG = 'ec2-idem:test';
export const CASE_TAG = 'ec2-idem:case';

/** The suite's own tags on everything a case creates: run, test and case, for read-back and cleanup. */
export function suiteTags(context: CaseContext): { Key: string; Value: string }[] {
  return [
    { Key: RUN_TAG, Value: context.runId },
    { Key: TEST_TAG, Value: context.testId },
    { Key: CASE_TAG, Value: context.caseId },
  ];
}

/** Where a create is sent: its region, and the fixtures found or made there for its account. */
export interface Place {
  readonly region: ResolvedRegion;
  readonly fixtures: Fixtures;
}

/** One delete call and the resources it names. */
export interface DeleteCall {
  readonly call: Call;
  readonly ids: readonly string[];
}

/** A resource as a describe call shows it. */
export interface ObservedResource {
  readonly id: string;
  /** The token the endpoint recorded, when the resource shows one. */
  readonly clientToken?: string;
  /** e.g. `pending`, `terminated`; undefined for resources without a lifecycle. */
  readonly state?: string;
  readonly ownerId?: string;
  /** The resource's tags as the describe call shows them. */
  readonly tags?: Readonly<Record<string, string>>;
}

/** True when the resource carries `key=value` (the suite's run or case tag). */
export function carriesTag(resource: ObservedResource, key: string, value: string): boolean {
  return resource.tags?.[key] === value;
}

export interface ParamConstraints extends ParamChangeConstraints {
  readonly imageIds: readonly [string, ...string[]];
}

/** The parameter space of a target: its first region's image, its instance types, at most `maxInstances` per launch. */
export function paramConstraints(target: ResolvedTarget, maxInstances = 2): ParamConstraints {
  return { imageIds: [target.regions[0].imageId], instanceTypes: target.instanceTypes, maxInstances };
}

/**
 * Everything the suite knows about one token-taking action. An adapter builds calls and reads
 * answers; it never asserts (rules do) and never sends (the harness does).
 */
export interface ActionAdapter<P = unknown> {
  /** The EC2 action: a built-in one, or one a plugin adds. */
  readonly name: ActionName;
  /** Longest valid token (REF-TOKEN-FORM). */
  readonly tokenLimit: number;
  /** True when the create answer and describe show `clientToken` and a `client-token` filter exists. */
  readonly echoesToken: boolean;
  /** True when the create's answer carries `clientToken` (without describe or filter showing it). @defaultValue echoesToken */
  readonly tokenInAnswer?: boolean;
  /** The operation that deletes what this action creates (for messages and the ledger). */
  readonly deleteAction: string;
  /** Codes by which that delete says a resource does not exist (or, just created, is not visible yet). */
  readonly notFoundCodes: readonly string[];
  params(constraints: ParamConstraints): fc.Arbitrary<P>;
  change(constraints: ParamConstraints): fc.Arbitrary<ParamChange>;
  applyChange(params: P, change: ParamChange, constraints: ParamConstraints): P;
  /** Fixtures the action needs on the target (a VPC, a subnet, …); without them it is not-applicable. @defaultValue none */
  readonly needs?: readonly FixtureKind[];
  /** The parameters as sent in one place: that region's image, that account's fixtures. */
  localize(params: P, place: Place): P;
  toCall(params: P, token: string | undefined, context: CaseContext, options?: { readonly dryRun?: boolean }): Call;
  /** How many resources one create with these parameters may make (for the budget). */
  resourcesPerCreate(params: P): number;
  /** What a successful create answer says it created, in answer order; [] when it names nothing. */
  created(answer: Ok): readonly ObservedResource[];
  /**
   * The describe call that lists every resource carrying one tag (the suite's run, test or case tag).
   * With `aliveOnly` (the cleanup sweep's first look) it may also filter out what is already gone,
   * e.g. terminated instances, which stay listed for about an hour; callers still check `isGone`.
   */
  findByTag(key: string, value: string, nextToken?: string, options?: { readonly aliveOnly?: boolean }): Call;
  /** The describe call that lists what a token launched, when the action has a token filter. */
  findByToken?(token: string, nextToken?: string): Call;
  /**
   * Codes by which `findByTag`'s describe says there is nothing to list because the parent is gone
   * (a launch template version's template): the cleanup sweep reads them as an empty listing, not
   * as a failed one. Rules' read-backs never do. @defaultValue none
   */
  readonly emptyListingCodes?: readonly string[];
  /** Reads a describe answer: resources and the next page's token. */
  observed(answer: Ok): { readonly resources: readonly ObservedResource[]; readonly nextToken?: string };
  /** Calls that delete the given resources, each with the ids it names (deleting twice is harmless). */
  deleteCalls(ids: readonly string[]): readonly DeleteCall[];
  /** True when the resource no longer counts as alive (terminated, shutting down, deleted). */
  isGone(resource: ObservedResource): boolean;
}
