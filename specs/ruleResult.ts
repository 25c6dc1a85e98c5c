import type { RuleResult, Verdict } from '../reports/model.ts';
import { ruleCatalog } from './catalog.ts';
import type { AnyRuleId } from './ruleIds.ts';

/** A rule's header as a report shows it: title, strength, source. */
export function ruleHeader(id: AnyRuleId): Pick<RuleResult, 'title' | 'strength' | 'source'> | undefined {
  const rule = ruleCatalog().find((r) => r.id === id);
  return rule && { title: rule.description, strength: rule.strength, source: rule.source };
}

/** A verdict with its rule's header: what the reports carry. */
export function withRuleHeader(verdict: Verdict): RuleResult {
  const header = ruleHeader(verdict.rule);
  if (header === undefined) throw new Error(`no rule ${verdict.rule} in the catalog`);
  return { ...verdict, ...header };
}
