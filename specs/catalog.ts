import type { Rule } from './rule.ts';
import accountScope from './account-scope.ts';
import actionScope from './action-scope.ts';
import atMostOnce from './at-most-once.ts';
import concurrentDuplicates from './concurrent-duplicates.ts';
import describeToken from './describe-token.ts';
import dryrun from './dryrun.ts';
import equivalentEncoding from './equivalent-encoding.ts';
import history from './history.ts';
import lostResponse from './lost-response.ts';
import paramMismatch from './param-mismatch.ts';
import regionScope from './region-scope.ts';
import retention from './retention.ts';
import retryAdvice from './retry-advice.ts';
import sameResponse from './same-response.ts';
import tokenAfterTerminate from './token-after-terminate.ts';
import tokenCase from './token-case.ts';
import tokenFormat from './token-format.ts';

/** The built-in rules, in report order. */
export const CATALOG: readonly Rule<any>[] = [
  tokenFormat,
  tokenCase,
  sameResponse,
  atMostOnce,
  paramMismatch,
  equivalentEncoding,
  regionScope,
  describeToken,
  tokenAfterTerminate,
  retryAdvice,
  lostResponse,
  concurrentDuplicates,
  accountScope,
  actionScope,
  dryrun,
  history,
  retention,
];

// The open side of the catalogue: rules plugins add (plugins/registry.ts sets them, after checking
// each header as the lint checks these). Built-ins stay the default and keep their order.
let pluginRules: readonly Rule<any>[] = [];

/** Sets the plugins' rules (plugins/registry.ts, on activation); [] restores the built-ins alone. */
export function setPluginRules(rules: readonly Rule<any>[]): void {
  pluginRules = rules;
}

/**
 * Every rule a run may select: the built-in ones in report order (one a plugin was allowed to
 * replace keeps its place, in its plugin's version), then the plugins' new ones.
 */
export function ruleCatalog(): readonly Rule<any>[] {
  if (pluginRules.length === 0) return CATALOG;
  const byId = new Map(pluginRules.map((rule) => [rule.id as string, rule]));
  return [...CATALOG.map((rule) => byId.get(rule.id) ?? rule), ...pluginRules.filter((rule) => !CATALOG.some((builtIn) => builtIn.id === rule.id))];
}
