import type { RuleResult } from './model.ts';

/** One documented deviation: a rule (optionally only some actions) the target is known to fail. */
export interface Deviation {
  readonly rule: string;
  /** @defaultValue every action */
  readonly actions?: readonly string[];
  readonly reason: string;
  readonly link?: string;
  /** `YYYY-MM-DD`; from the day after, the entry excuses nothing and is reported as expired. */
  readonly expires: string;
}

export interface Expectations {
  readonly target: string;
  readonly deviations: readonly Deviation[];
}

export interface AppliedExpectations {
  readonly results: RuleResult[];
  /** Entries that need a person: unexpected passes, expired entries, unknown rules. */
  readonly notices: string[];
  /** True when a notice should fail a `--strict` run. */
  readonly stale: boolean;
}

const covers = (deviation: Deviation, result: RuleResult) =>
  deviation.rule === result.rule && (!deviation.actions || deviation.actions.includes(result.action));

/**
 * Marks failures that a current entry documents (the run stays conformant, WPT-style), and reports
 * the list's rot: an entry whose rule now passes, an entry past its expiry, an entry for no rule.
 */
export function applyExpectations(results: readonly RuleResult[], expectations: Expectations, today: string): AppliedExpectations {
  const notices: string[] = [];
  const applied = results.map((result) => {
    const deviation = expectations.deviations.find((d) => covers(d, result));
    if (!deviation || result.status !== 'failed') return result;
    if (deviation.expires < today) return result;
    return { ...result, deviation: { reason: deviation.reason, expires: deviation.expires, ...(deviation.link ? { link: deviation.link } : {}) } };
  });
  for (const deviation of expectations.deviations) {
    const matching = results.filter((r) => covers(deviation, r));
    const label = `${deviation.rule}${deviation.actions ? ` (${deviation.actions.join(', ')})` : ''}`;
    if (deviation.expires < today) notices.push(`expired deviation: ${label} expired on ${deviation.expires}; fix the target or renew the entry with a reason`);
    if (matching.length === 0) notices.push(`deviation for ${label} matches no rule that ran: remove it or fix its rule id`);
    for (const result of matching.filter((r) => r.status === 'passed')) {
      notices.push(`unexpected pass: ${result.rule} ${result.action} passed, but ${expectations.target}'s expectations say it fails; remove the entry`);
    }
  }
  return { results: applied, notices, stale: notices.length > 0 };
}
