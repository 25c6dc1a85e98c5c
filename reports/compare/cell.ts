import type { RuleResult, RuleStatus } from '../model.ts';
import { STATUS_WORDS } from '../statusWords.ts';

/** What one endpoint's report says about one rule × action; `null` in a row when it did not run it. */
export interface Cell {
  readonly status: RuleStatus;
  /** The failure (or inconclusive result) is listed in that target's expectations file. */
  readonly deviation: boolean;
  /** Why, in one line: the documented reason, the failure, or the reason the rule gave; '' for a pass. */
  readonly note: string;
}

export function cellOf(result: RuleResult): Cell {
  const deviation = result.deviation !== undefined && (result.status === 'failed' || result.status === 'inconclusive');
  return { status: result.status, deviation, note: noteOf(result, deviation) };
}

function noteOf(result: RuleResult, deviation: boolean): string {
  if (result.status === 'passed') return '';
  if (deviation) return result.deviation?.reason ?? '';
  if (result.status === 'failed') return result.failure?.message ?? result.reason ?? '';
  return result.reason ?? result.failure?.message ?? '';
}

const ICONS: Readonly<Record<RuleStatus, string>> = {
  passed: '✅',
  failed: '❌',
  inconclusive: '❔',
  error: '💥',
  'not-applicable': '➖',
  skipped: '⏭️',
};


/** Shown for a rule × action an endpoint's report does not have. */
export const NOT_RUN = '—';

/** A cell as plain text with its icon, the way summary.md shows a status: `✅ passed`, `⚠️ deviation (failed)`, `—`. */
export function cellText(cell: Cell | null): string {
  if (cell === null) return NOT_RUN;
  if (cell.deviation) return `⚠️ deviation (${STATUS_WORDS[cell.status]})`;
  return `${ICONS[cell.status]} ${STATUS_WORDS[cell.status]}`;
}
