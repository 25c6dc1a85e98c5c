import type { RuleStatus } from './model.ts';

/** What a reader sees for a status, in every report: the words, never a colour or an icon alone. */
export const STATUS_WORDS: Readonly<Record<RuleStatus, string>> = {
  passed: 'passed',
  failed: 'failed',
  inconclusive: 'inconclusive',
  error: 'error',
  'not-applicable': 'not applicable',
  skipped: 'skipped',
};
