// The checks of a rule's typed header, as functions that return the problems they find. The lint
// (test/lint/specs.lint.spec.ts) runs them on the built-in rule files; plugins/validate.ts runs the
// same ones on every plugin rule when the plugin is loaded.
import { readFileSync } from 'node:fs';
import { CAPABILITIES } from './capabilities.ts';

/** The project's own reference page: one `## REF-…` section per behaviour the rules rely on. */
export const REFERENCE_FILE = 'docs/reference.md';

export const MAX_DESCRIPTION = 100;

/** The header fields the checks read; loose strings so that fixtures and plugins can hold wrong values. */
export interface RuleHeader {
  readonly id: string;
  readonly description: string;
  readonly source: { readonly ref: string; readonly link: string };
  readonly profiles: readonly string[];
  readonly requires: readonly string[];
}

/** What a header is checked against. */
export interface HeaderContext {
  readonly capabilities: readonly string[];
  readonly profiles: readonly string[];
  /** Reference pages (Markdown) whose `## REF-…` sections a header may cite; the first is docs/reference.md. */
  readonly reference: string;
  /** The page's name in messages. @defaultValue REFERENCE_FILE */
  readonly referenceName?: string;
}

/** The text of docs/reference.md (read once). */
let referenceText: string | undefined;
export function projectReference(): string {
  referenceText ??= readFileSync(new URL(`../${REFERENCE_FILE}`, import.meta.url), 'utf8');
  return referenceText;
}

/** The built-in vocabulary and reference page. */
export function builtInHeaderContext(): HeaderContext {
  return {
    capabilities: Object.keys(CAPABILITIES),
    profiles: ['seed', 'aws-current', 'strict'],
    reference: projectReference(),
  };
}

/**
 * The sections of a reference page by id: each starts at a `## REF-…` heading (the id alone, so
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

type HeaderCheck = (rule: RuleHeader, context: HeaderContext) => string[];

/** One check per concern of the header alone (the lint adds the file name and the catalog). */
export const HEADER_CHECKS = {
  DESCRIPTION: (rule, _context) => [
    ...(typeof rule.description === 'string' ? [] : ['description is not a string']),
    ...(typeof rule.description === 'string' && rule.description.length >= MAX_DESCRIPTION ? [`description is ${rule.description.length} characters, not under ${MAX_DESCRIPTION}`] : []),
    ...(typeof rule.description === 'string' && rule.description.includes('\n') ? ['description spans more than one line'] : []),
  ],
  CAPABILITIES: (rule, { capabilities }) =>
    Array.isArray(rule.requires) ? rule.requires.filter((c) => !capabilities.includes(c)).map((c) => `unknown capability ${c}`) : ['requires is not a list of capabilities'],
  PROFILES: (rule, { profiles }) =>
    Array.isArray(rule.profiles)
      ? [...(rule.profiles.length > 0 ? [] : ['runs in no profile']), ...rule.profiles.filter((p) => !profiles.includes(p)).map((p) => `unknown profile ${p}`)]
      : ['profiles is not a list of profiles'],
  SOURCE: (rule, { reference, referenceName = REFERENCE_FILE }) => {
    const { ref, link } = rule.source ?? { ref: undefined, link: undefined };
    const section = typeof ref === 'string' ? referenceSections(reference).get(ref) : undefined;
    if (section === undefined) return [`reference ${ref} is not a section of ${referenceName}`];
    if (typeof link !== 'string' || !/^https:\/\/[^\s()<>]+$/.test(link)) return [`link ${JSON.stringify(link)} is not an https URL`];
    return citesLink(section, link) ? [] : [`link ${link} is not cited in section ${ref} of ${referenceName}`];
  },
} as const satisfies Record<string, HeaderCheck>;

export type HeaderCheckName = keyof typeof HEADER_CHECKS;

/** The field of the header each check reads, for messages that name it. */
export const HEADER_CHECK_FIELDS: Readonly<Record<HeaderCheckName, string>> = {
  DESCRIPTION: 'description',
  CAPABILITIES: 'requires',
  PROFILES: 'profiles',
  SOURCE: 'source',
};

/** Every header check's problems, keyed by check; checks with none are left out. */
export function checkRuleHeader(rule: RuleHeader, context: HeaderContext): Partial<Record<HeaderCheckName, string[]>> {
  const found: Partial<Record<HeaderCheckName, string[]>> = {};
  for (const name of Object.keys(HEADER_CHECKS) as HeaderCheckName[]) {
    const problems = HEADER_CHECKS[name](rule, context);
    if (problems.length > 0) found[name] = problems;
  }
  return found;
}
