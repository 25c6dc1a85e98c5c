// The checks of every rule's typed header (test262 style), as functions that return the problems
// they find, so the lint can be run on the real rules and on deliberately bad fixture headers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAPABILITIES } from '../../specs/capabilities.ts';
import { CATALOG } from '../../specs/catalog.ts';

export const ROOT = new URL('../../', import.meta.url).pathname;

/** The header fields the lint reads; loose strings so that fixtures can hold wrong values. */
export interface RuleHeader {
  readonly id: string;
  readonly description: string;
  readonly source: { readonly key: string; readonly fact: string; readonly sentence: string };
  readonly profiles: readonly string[];
  readonly requires: readonly string[];
}

/** What the header is checked against. */
export interface LintContext {
  readonly catalogIds: readonly string[];
  readonly capabilities: readonly string[];
  readonly profiles: readonly string[];
  readonly facts: string;
}

export function realContext(): LintContext {
  return {
    catalogIds: CATALOG.map((rule) => rule.id),
    capabilities: Object.keys(CAPABILITIES),
    // Spelled out rather than imported, so a profile added in one place only is caught here.
    profiles: ['seed', 'aws-current', 'strict'],
    facts: readFileSync(join(ROOT, 'docs/ec2-idempotency-facts.md'), 'utf8'),
  };
}

export const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

export const MAX_DESCRIPTION = 100;

export function factExists(fact: string, facts: string): boolean {
  if (/^[RD]\d+$/.test(fact)) return facts.includes(`**${fact} `);
  if (/^Q\d+$/.test(fact)) return new RegExp(`^${fact.slice(1)}\\. \\*\\*`, 'm').test(facts.split('## 5.')[1] ?? '');
  if (/^§\d+(\.\d+)*$/.test(fact)) return new RegExp(`^#+ ${fact.slice(1).replace('.', '\\.')} `, 'm').test(facts);
  return false;
}

type Check = (file: string, rule: RuleHeader, context: LintContext) => string[];

/** One check per concern; each returns its problems, empty when the header passes. */
export const LINT_CHECKS = {
  FILENAME: (file, rule) => (file === `${rule.id.toLowerCase()}.ts` ? [] : [`file ${file} should be named ${rule.id.toLowerCase()}.ts`]),
  CATALOG: (_file, rule, { catalogIds }) => {
    const count = catalogIds.filter((id) => id === rule.id).length;
    return count === 1 ? [] : [`${rule.id} is listed ${count} times in the catalog, not once`];
  },
  DESCRIPTION: (_file, rule) => [
    ...(rule.description.length < MAX_DESCRIPTION ? [] : [`description is ${rule.description.length} characters, not under ${MAX_DESCRIPTION}`]),
    ...(rule.description.includes('\n') ? ['description spans more than one line'] : []),
  ],
  CAPABILITIES: (_file, rule, { capabilities }) => rule.requires.filter((c) => !capabilities.includes(c)).map((c) => `unknown capability ${c}`),
  PROFILES: (_file, rule, { profiles }) => [
    ...(rule.profiles.length > 0 ? [] : ['runs in no profile']),
    ...rule.profiles.filter((p) => !profiles.includes(p)).map((p) => `unknown profile ${p}`),
  ],
  SOURCE: (_file, rule, { facts }) => [
    ...(factExists(rule.source.fact, facts) ? [] : [`fact ${rule.source.fact} is not in the facts file`]),
    ...(normalise(facts).includes(normalise(rule.source.sentence)) ? [] : [`sentence is not in the facts file word for word: ${rule.source.sentence}`]),
    ...(facts.includes(`[${rule.source.key}]`) ? [] : [`source key [${rule.source.key}] is not in the facts file`]),
  ],
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
