import type { RuleResult } from './model.ts';

/**
 * One documented deviation: a rule (optionally only some actions) the target is known to fail, and
 * how: the status and a pattern of the message. An entry excuses only a result that fails the way
 * it says; a listed rule that fails differently is reported, never silently excused.
 */
export interface Deviation {
  readonly rule: string;
  /** @defaultValue every action */
  readonly actions?: readonly string[];
  /** The status the rule ends with. @defaultValue 'failed' */
  readonly status?: 'failed' | 'inconclusive';
  /** A regular expression the failure's message (an inconclusive result's reason) must match. */
  readonly message: string;
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
  /** Entries that need a person: unexpected passes, different failures, expired entries, unknown rules. */
  readonly notices: string[];
  /** True when a notice should fail a `--strict` run. */
  readonly stale: boolean;
}

const covers = (deviation: Deviation, result: RuleResult) =>
  deviation.rule === result.rule && (!deviation.actions || deviation.actions.includes(result.action));

/** What a result says went wrong: the failure's message, or the reason of an inconclusive result. */
function whatHappened(result: RuleResult): string {
  return result.status === 'failed' ? (result.failure?.message ?? result.reason ?? '') : (result.reason ?? result.failure?.message ?? '');
}

/** True when `result` ends the way `deviation` documents: the same status and a matching message. */
export function failsAsDocumented(deviation: Deviation, result: RuleResult): boolean {
  return result.status === (deviation.status ?? 'failed') && new RegExp(deviation.message).test(whatHappened(result));
}

function label(deviation: Deviation): string {
  return `${deviation.rule}${deviation.actions ? ` (${deviation.actions.join(', ')})` : ''}`;
}

/**
 * Marks results that a current entry documents (the run stays conformant, WPT-style), and reports
 * the list's rot: an entry whose rule now passes or fails another way, an entry past its expiry,
 * an entry for no rule that ran.
 */
export function applyExpectations(results: readonly RuleResult[], expectations: Expectations, today: string): AppliedExpectations {
  const notices: string[] = [];
  const applied = results.map((result) => {
    const deviation = expectations.deviations.find((d) => covers(d, result) && d.expires >= today && failsAsDocumented(d, result));
    if (!deviation) return result;
    return { ...result, deviation: { reason: deviation.reason, expires: deviation.expires, ...(deviation.link ? { link: deviation.link } : {}) } };
  });
  for (const deviation of expectations.deviations) {
    const matching = results.filter((r) => covers(deviation, r));
    if (deviation.expires < today) notices.push(`expired deviation: ${label(deviation)} expired on ${deviation.expires}; fix the target or renew the entry with a reason`);
    if (matching.length === 0) notices.push(`deviation for ${label(deviation)} matches no rule that ran: remove it or fix its rule id`);
    for (const result of matching) {
      if (result.status === 'passed') {
        notices.push(`unexpected pass: ${result.rule} ${result.action} passed, but ${expectations.target}'s expectations say it fails; remove the entry`);
      } else if (result.status !== 'not-applicable' && result.status !== 'skipped' && !failsAsDocumented(deviation, result)) {
        // Another entry may document this way of failing; only say so when none does.
        if (expectations.deviations.some((d) => covers(d, result) && failsAsDocumented(d, result))) continue;
        const expected = `${deviation.status ?? 'failed'} with a message matching /${deviation.message}/`;
        notices.push(`${result.rule} ${result.action} fails differently from its documented deviation: expected ${expected}, got ${result.status}: ${whatHappened(result).slice(0, 200)}`);
      }
    }
  }
  return { results: applied, notices, stale: notices.length > 0 };
}
