// The checks of every rule's typed header (test262 style), as functions that return the problems
// they find, so the lint can be run on the real rules and on deliberately bad fixture headers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAPABILITIES } from '../../specs/capabilities.ts';
import { CATALOG } from '../../specs/catalog.ts';

export const ROOT = new URL('../../', import.meta.url).pathname;

/** The project's own reference page: one `## REF-…` section per behaviour the rules rely on. */
export const REFERENCE_FILE = 'docs/reference.md';

/** The header fields the lint reads; loose strings so that fixtures can hold wrong values. */
export interface RuleHeader {
  readonly id: string;
  readonly description: string;
  readonly source: { readonly ref: string; readonly link: string };
  readonly profiles: readonly string[];
  readonly requires: readonly string[];
}

/** What the header is checked against. */
export interface LintContext {
  readonly catalogIds: readonly string[];
  readonly capabilities: readonly string[];
  readonly profiles: readonly string[];
  /** The text of docs/reference.md. */
  readonly reference: string;
}

export function realContext(): LintContext {
  return {
    catalogIds: CATALOG.map((rule) => rule.id),
    capabilities: Object.keys(CAPABILITIES),
    // Spelled out rather than imported, so a profile added in one place only is caught here.
    profiles: ['seed', 'aws-current', 'strict'],
    reference: readFileSync(join(ROOT, REFERENCE_FILE), 'utf8'),
  };
}

export const MAX_DESCRIPTION = 100;

/**
 * The sections of the reference page by id: each starts at a `## REF-…` heading (the id alone, so
 * its anchor `#ref-…` is stable) and runs to the next level-2 heading or rule.
 */
export function referenceSections(reference: string): ReadonlyMap<string, string> {
  const sections = new Map<string, string>();
  const parts = reference.split(/^(?=## |---$)/m);
  for (const part of parts) {
    const id = /^## (REF-[A-Z0-9]+(?:-[A-Z0-9]+)*)\s*$/m.exec(part.split('\n', 1)[0] ?? '')?.[1];
    if (id !== undefined) sections.set(id, part);
  }
  return sections;
}

/** A link cited in a section: the target of a Markdown link, exactly. */
export function citesLink(section: string, link: string): boolean {
  return section.includes(`](${link})`);
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
  SOURCE: (_file, rule, { reference }) => {
    const { ref, link } = rule.source;
    const section = referenceSections(reference).get(ref);
    if (section === undefined) return [`reference ${ref} is not a section of ${REFERENCE_FILE}`];
    if (!/^https:\/\/[^\s()<>]+$/.test(link)) return [`link ${JSON.stringify(link)} is not an https URL`];
    return citesLink(section, link) ? [] : [`link ${link} is not cited in section ${ref} of ${REFERENCE_FILE}`];
  },
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
