// The checks of every rule's typed header (test262 style), as functions that return the problems
// they find, so the lint can be run on the real rules and on deliberately bad fixture headers. The
// header checks themselves are specs/ruleHeader.ts, which also checks plugin rules at load time;
// the lint adds what only a rule file has: its file name and its one place in the catalog.
import { CATALOG } from '../../specs/catalog.ts';
import { builtInHeaderContext, HEADER_CHECKS, type HeaderContext, type RuleHeader } from '../../specs/ruleHeader.ts';

export { citesLink, MAX_DESCRIPTION, REFERENCE_FILE, referenceSections, type RuleHeader } from '../../specs/ruleHeader.ts';

export const ROOT = new URL('../../', import.meta.url).pathname;

/** What the header is checked against. */
export interface LintContext extends HeaderContext {
  readonly catalogIds: readonly string[];
}

export function realContext(): LintContext {
  const base = builtInHeaderContext();
  return {
    ...base,
    catalogIds: CATALOG.map((rule) => rule.id),
    // Spelled out rather than imported, so a profile added in one place only is caught here.
    profiles: ['seed', 'aws-current', 'strict'],
    reference: base.reference,
  };
}


type Check = (file: string, rule: RuleHeader, context: LintContext) => string[];

/** One check per concern; each returns its problems, empty when the header passes. */
export const LINT_CHECKS = {
  FILENAME: (file, rule) => (file === `${rule.id.toLowerCase()}.ts` ? [] : [`file ${file} should be named ${rule.id.toLowerCase()}.ts`]),
  CATALOG: (_file, rule, { catalogIds }) => {
    const count = catalogIds.filter((id) => id === rule.id).length;
    return count === 1 ? [] : [`${rule.id} is listed ${count} times in the catalog, not once`];
  },
  DESCRIPTION: (_file, rule, context) => HEADER_CHECKS.DESCRIPTION(rule, context),
  CAPABILITIES: (_file, rule, context) => HEADER_CHECKS.CAPABILITIES(rule, context),
  PROFILES: (_file, rule, context) => HEADER_CHECKS.PROFILES(rule, context),
  SOURCE: (_file, rule, context) => HEADER_CHECKS.SOURCE(rule, context),
} as const satisfies Record<string, Check>;

export type LintCheckName = keyof typeof LINT_CHECKS;

export const LINT_CHECK_NAMES = Object.keys(LINT_CHECKS) as LintCheckName[];

/** Every check's problems for one header, keyed by check; checks with none are left out. */
export function lintRule(file: string, rule: RuleHeader, context: LintContext): Partial<Record<LintCheckName, string[]>> {
  const found: Partial<Record<LintCheckName, string[]>> = {};
  for (const name of LINT_CHECK_NAMES) {
    const problems = LINT_CHECKS[name](file, rule, context);
    if (problems.length > 0) found[name] = problems;
  }
  return found;
}
