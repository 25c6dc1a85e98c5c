import type { ActionName } from '../harness/target.ts';
import { ruleCatalog } from './catalog.ts';
import type { Rule } from './rule.ts';
import type { AnyRuleId } from './ruleIds.ts';

export interface RuleCase {
  readonly rule: Rule;
  readonly action: ActionName;
}

/**
 * The rule × action pairs a run tests, in report order: every selected rule on every selected
 * action, except cross-action rules, which run once (on the first action, pairing it with another).
 * End-of-run rules come last: they run after every other rule has finished.
 */
export function selectCases(actions: readonly ActionName[], only?: readonly AnyRuleId[]): RuleCase[] {
  const selected = ruleCatalog().filter((rule) => !only || only.includes(rule.id)).flatMap((rule) =>
    (rule.scope === 'cross-action' ? actions.slice(0, 1) : actions).map((action) => ({ rule, action })),
  );
  return [...selected.filter((c) => !isEndOfRun(c)), ...selected.filter(isEndOfRun)];
}

export function isEndOfRun(c: RuleCase): boolean {
  return c.rule.scope === 'end-of-run';
}
