/** The public rule ids (DESIGN.md): expectation files and reports refer to them; never rename one. */
export const RULE_IDS = [
  'TOKEN-FORMAT',
  'TOKEN-CASE',
  'SAME-RESPONSE',
  'AT-MOST-ONCE',
  'PARAM-MISMATCH',
  'EQUIVALENT-ENCODING',
  'REGION-SCOPE',
  'DESCRIBE-TOKEN',
  'TOKEN-AFTER-TERMINATE',
  'RETRY-ADVICE',
  'LOST-RESPONSE',
  'CONCURRENT-DUPLICATES',
  'ACCOUNT-SCOPE',
  'ACTION-SCOPE',
  'DRYRUN',
  'HISTORY',
  'RETENTION',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** A rule id: a built-in one (RuleId, checked by the type) or a plugin rule's (checked when it loads). */
export type AnyRuleId = RuleId | (string & {});

export function isRuleId(value: string): value is RuleId {
  return (RULE_IDS as readonly string[]).includes(value);
}
