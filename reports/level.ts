import type { RuleResult } from './model.ts';

/**
 * How much of the catalogue an endpoint was shown to keep:
 * - `MUST+SHOULD`: every MUST and every SHOULD rule × action that applies passed;
 * - `MUST`: every MUST rule × action that applies passed (some SHOULD one did not);
 * - `none`: a MUST rule × action failed, was excused as a documented deviation, was inconclusive,
 *   skipped or crashed, or no MUST rule applied at all.
 *
 * Only evidence counts: `passed` is the one status that keeps a rule. Results that are
 * `not-applicable` (the target lacks what the rule needs) are left out, as in the verdict.
 * Used by report.html's banner; meant for anything else that states a level (a certificate).
 */
export type ConformanceLevel = 'MUST+SHOULD' | 'MUST' | 'none';

export function conformanceLevel(rules: readonly RuleResult[]): ConformanceLevel {
  const applying = rules.filter((r) => r.status !== 'not-applicable');
  const must = applying.filter((r) => r.strength === 'MUST');
  if (must.length === 0 || !must.every(kept)) return 'none';
  return applying.filter((r) => r.strength === 'SHOULD').every(kept) ? 'MUST+SHOULD' : 'MUST';
}

function kept(result: RuleResult): boolean {
  return result.status === 'passed';
}
