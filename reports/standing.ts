import type { RuleResult } from './model.ts';

/**
 * What one result does to the run's verdict, decided here once for the verdict, junit.xml,
 * summary.md and the progress lines, so that they always agree:
 * - `passed`: shown to keep the rule;
 * - `violation`: shown to break it (not conformant);
 * - `unproven`: a MUST rule that could not show either (inconclusive, skipped), or any rule the
 *   suite crashed on: the run cannot be called conformant;
 * - `excused`: a failure or inconclusive result the target's expectations document;
 * - `neutral`: does not apply, or a SHOULD rule that could not tell.
 */
export type Standing = 'passed' | 'violation' | 'unproven' | 'excused' | 'neutral';

export function standing(result: RuleResult): Standing {
  switch (result.status) {
    case 'passed':
      return 'passed';
    case 'not-applicable':
      return 'neutral';
    case 'failed':
      return result.deviation === undefined ? 'violation' : 'excused';
    case 'error':
      return 'unproven';
    case 'inconclusive':
      if (result.deviation !== undefined) return 'excused';
      return result.strength === 'MUST' ? 'unproven' : 'neutral';
    case 'skipped':
      return result.strength === 'MUST' ? 'unproven' : 'neutral';
  }
}

/** A rule × action the suite actually ran against the endpoint (whatever came of it). */
export function ran(result: RuleResult): boolean {
  return result.status !== 'not-applicable' && result.status !== 'skipped';
}
