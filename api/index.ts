/**
 * The public API of ec2-idempotency-conformance. Everything exported from `api/index.ts`,
 * `api/emulator.ts` (`./emulator`) and `api/generators.ts` (`./generators`) is public and
 * versioned with the package; every other module is internal and may change in any release.
 *
 * - {@link defineAction}, {@link simpleAction}, {@link defineRule}, {@link defineProfile},
 *   {@link definePlugin}: typing helpers for a plugin's parts (each returns its argument);
 * - {@link runConformance}: a whole run in this process, returning the report `report.json` holds;
 * - {@link conformanceTests}: the rules as vitest tests, for a vendor's own spec file;
 * - {@link loadPlugin}: what `--plugin` and a target file's `plugins` do, for programs.
 *
 * @packageDocumentation
 */
import type { ActionAdapter } from '../harness/actions/action.ts';
import type { Plugin, ProfileDefinition } from '../plugins/plugin.ts';
import type { Rule } from '../specs/rule.ts';

export type { ActionAdapter, CaseContext, DeleteCall, ObservedResource, ParamConstraints, Place } from '../harness/actions/action.ts';
export { carriesTag, suiteTags, CASE_TAG, RUN_TAG, TEST_TAG } from '../harness/actions/action.ts';
export { simpleAction, type PlacedParams, type SimpleActionSpec } from '../harness/actions/simpleAction.ts';
export { describeCall, nextTokenOf } from '../harness/actions/describeCall.ts';
export type { Call, QueryValue } from '../harness/encode.ts';
export type { Ok, XmlNode } from '../harness/outcome.ts';
export { field, items, text } from '../harness/decode.ts';
export type { FixtureKind, Fixtures } from '../harness/fixtures/fixtureKinds.ts';
export type { RuleHarness } from '../harness/ruleHarness.ts';
export type { ActionName, BudgetConfig, EmbeddedTargetFile, ProfileId, ProfileName, RegionConfig, TargetConfig, TargetFile } from '../harness/target.ts';
export { defineTarget, DEFAULT_ACTIONS, PROFILE_NAMES, TOKEN_ACTIONS, type TokenActionName } from '../harness/target.ts';
export type { Rule, RuleMeta, RuleSource } from '../specs/rule.ts';
export { ALL_PROFILES } from '../specs/rule.ts';
export { RULE_IDS, type AnyRuleId, type RuleId } from '../specs/ruleIds.ts';
// What a rule's check uses to judge outcomes: each throws a RuleViolation (or Inconclusive) with a message.
export {
  CLIENT_ERROR,
  exactly,
  expectCreated,
  expectError,
  expectIds,
  expectObserved,
  expectOk,
  expectSameResponse,
  expectStepDone,
  ids,
  Inconclusive,
  RuleViolation,
  violation,
  type ErrorExpectation,
} from '../specs/expect.ts';
export { CAPABILITIES } from '../specs/capabilities.ts';
export { NotApplicableError } from '../harness/errors.ts';
export type { Capability } from '../specs/capabilities.ts';
export type { Conformance, PluginInfo, RuleResult, RuleStatus, RunReport, Strength, Verdict } from '../reports/model.ts';
export { REPORT_SCHEMA_VERSION } from '../reports/model.ts';
export type { Plugin, PluginBug, ProfileDefinition, EmulatorActionDefinition } from '../plugins/plugin.ts';
export { PluginError } from '../plugins/errors.ts';
export { loadPlugin, loadPlugins, type LoadedPlugin } from '../plugins/load.ts';
export { pluginRuleProblems } from '../plugins/validate.ts';
export { checkPlugins } from '../plugins/registry.ts';
export { runConformance, type RunOptions, type RunResult } from '../plugins/runApi.ts';
export { conformanceTests, type ConformanceTestsOptions } from '../plugins/vitestApi.ts';

/**
 * Declares a client-side action adapter: how the suite builds the create, reads its answer,
 * finds what it made by tag (and token), and deletes it. Returns its argument; the point is the
 * type check. For creates that only need a place (a VPC, a subnet, a zone), {@link simpleAction}
 * builds the whole adapter from a short spec.
 */
export function defineAction<P>(adapter: ActionAdapter<P>): ActionAdapter<P> {
  return adapter;
}

/**
 * Declares a rule with its typed header (id, description, source, strength, profiles, requires)
 * and its generated cases and check. A plugin's rules are checked like the built-in ones when the
 * plugin is loaded: the description is one line under 100 characters, capabilities and profiles
 * are known, and `source.ref` is a section of docs/reference.md or of the plugin's `reference`
 * that cites `source.link`. Returns its argument.
 */
export function defineRule<C>(rule: Rule<C>): Rule<C> {
  return rule;
}

/**
 * Declares a profile: a named reading of the sources that behaves as a built-in `base` profile
 * (what may differ in a replay, what may answer after a delete) and selects rules (a rule runs
 * under it when it names the profile, or names its base and is not excluded). Returns its argument.
 */
export function defineProfile(profile: ProfileDefinition): ProfileDefinition {
  return profile;
}

/**
 * Declares a plugin: `{ name, version, actions, rules, profiles, emulatorActions, bugs, reference }`.
 * A plugin module's default export is its plugin; `ec2-idem run --plugin PATH|PKG` and a target
 * file's `plugins` load it. Returns its argument.
 */
export function definePlugin(plugin: Plugin): Plugin {
  return plugin;
}
