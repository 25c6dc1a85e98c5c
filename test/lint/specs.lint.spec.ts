import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../specs/catalog.ts';
import type { Rule } from '../../specs/rule.ts';
import { RULE_IDS } from '../../specs/ruleIds.ts';
import { LINT_CHECKS, LINT_CHECK_NAMES, MAX_DESCRIPTION, REFERENCE_FILE, ROOT, lintRule, realContext, referenceSections, type LintCheckName, type RuleHeader } from './specsLint.ts';

// test262-style checks of every rule's typed header: one small check per concern (see specsLint.ts).
const context = realContext();

const ruleFiles = readdirSync(join(ROOT, 'specs')).filter((file) => /^[a-z]+(-[a-z]+)*\.ts$/.test(file) && readFileSync(join(ROOT, 'specs', file), 'utf8').includes('defineRule({'));
const rules = await Promise.all(ruleFiles.map(async (file) => ({ file, rule: (await import(`../../specs/${file}`)).default as Rule })));

const WHAT: Readonly<Record<LintCheckName, string>> = {
  FILENAME: 'is named after its id',
  CATALOG: 'is listed exactly once',
  DESCRIPTION: `one line under ${MAX_DESCRIPTION} characters`,
  CAPABILITIES: 'requires only known capabilities',
  PROFILES: 'runs in at least one known profile',
  SOURCE: `cites a section of ${REFERENCE_FILE} and an https link that section cites`,
};

describe.each(rules)('rule file specs/$file', ({ file, rule }) => {
  it.each(LINT_CHECK_NAMES)('%s', (name) => {
    expect(LINT_CHECKS[name](file, rule, context), `${name}: ${WHAT[name]}`).toEqual([]);
  });
});

describe(`the reference page ${REFERENCE_FILE}`, () => {
  const sections = referenceSections(context.reference);
  const headings = [...context.reference.matchAll(/^## (REF-\S+)/gm)].map((m) => m[1]);

  it('has one section per id, each heading the id alone', () => {
    expect(headings.length).toBeGreaterThan(0);
    expect(new Set(headings).size, 'ids are unique').toBe(headings.length);
    expect([...sections.keys()]).toEqual(headings);
  });

  it.each([...sections])('%s says when it was checked and cites an https source', (_id, section) => {
    expect(section).toMatch(/checked: \d{4}-\d{2}-\d{2}/);
    expect(section).toMatch(/\]\(https:\/\/[^\s)]+\)/);
  });
});

describe('the rule set', () => {
  it('every public rule id has exactly one rule file and catalog entry', () => {
    expect(rules.map(({ rule }) => rule.id).sort()).toEqual([...RULE_IDS].sort());
    expect(CATALOG.map((rule) => rule.id).sort()).toEqual([...RULE_IDS].sort());
  });
});

// The checks can fail: each runs on a header with exactly one thing wrong and must report it,
// while the other checks stay quiet (so the report comes from the intended check).
describe('the lint on deliberately bad rule headers', () => {
  const GOOD_FILE = 'token-case.ts';
  const GOOD: RuleHeader = {
    id: 'TOKEN-CASE',
    description: 'Tokens differing only in case are independent',
    source: { ref: 'REF-TOKEN-CASE', link: 'https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html#client-tokens' },
    profiles: ['seed', 'aws-current', 'strict'],
    requires: [],
  };

  it('the good fixture passes every check (so each failure below is the defect planted in it)', () => {
    expect(lintRule(GOOD_FILE, GOOD, context)).toEqual({});
  });

  const BAD: readonly [string, LintCheckName, string, RuleHeader, RegExp][] = [
    ['wrong file name', 'FILENAME', 'token-kase.ts', GOOD, /should be named token-case\.ts/],
    ['id not in the catalog', 'CATALOG', 'no-such-rule.ts', { ...GOOD, id: 'NO-SUCH-RULE' }, /NO-SUCH-RULE is listed 0 times/],
    ['description of 100 characters', 'DESCRIPTION', GOOD_FILE, { ...GOOD, description: 'x'.repeat(MAX_DESCRIPTION) }, /100 characters/],
    ['description on two lines', 'DESCRIPTION', GOOD_FILE, { ...GOOD, description: 'Tokens differing only in case\nare independent' }, /more than one line/],
    ['unknown capability', 'CAPABILITIES', GOOD_FILE, { ...GOOD, requires: ['multi-region', 'time-travel'] }, /unknown capability time-travel/],
    ['unknown profile', 'PROFILES', GOOD_FILE, { ...GOOD, profiles: ['seed', 'lenient'] }, /unknown profile lenient/],
    ['no profile', 'PROFILES', GOOD_FILE, { ...GOOD, profiles: [] }, /no profile/],
    ['reference not a section of the reference page', 'SOURCE', GOOD_FILE, { ...GOOD, source: { ...GOOD.source, ref: 'REF-TOKEN-CASING' } }, /REF-TOKEN-CASING is not a section of docs\/reference\.md/],
    // The id of the old facts file is not a section any more.
    ['a fact id of the removed facts file', 'SOURCE', GOOD_FILE, { ...GOOD, source: { ...GOOD.source, ref: 'R1' } }, /R1 is not a section/],
    ['link over plain http', 'SOURCE', GOOD_FILE, { ...GOOD, source: { ...GOOD.source, link: 'http://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html#client-tokens' } }, /is not an https URL/],
    ['no link at all', 'SOURCE', GOOD_FILE, { ...GOOD, source: { ...GOOD.source, link: '' } }, /"" is not an https URL/],
    // A real page, cited elsewhere on the reference page, but not in the section the header names.
    ['link not cited in that section', 'SOURCE', GOOD_FILE, { ...GOOD, source: { ...GOOD.source, link: 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/Query-Requests.html' } }, /Query-Requests\.html is not cited in section REF-TOKEN-CASE/],
    // A prefix of a cited link is not the link: the section must cite exactly what the header names.
    ['link a prefix of the one cited', 'SOURCE', GOOD_FILE, { ...GOOD, source: { ...GOOD.source, link: 'https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html#client' } }, /not cited in section REF-TOKEN-CASE/],
  ];

  it.each(BAD)('%s is reported by %s, and only by it', (_what, check, file, header, message) => {
    const found = lintRule(file, header, context);
    expect(Object.keys(found)).toEqual([check]);
    expect(found[check]).toHaveLength(1);
    expect(found[check]![0]).toMatch(message);
  });

  it('an id listed twice in the catalog is reported', () => {
    const problems = LINT_CHECKS.CATALOG(GOOD_FILE, GOOD, { ...context, catalogIds: [...context.catalogIds, GOOD.id] });
    expect(problems).toEqual(['TOKEN-CASE is listed 2 times in the catalog, not once']);
  });
});

// Data flows one way (style.md §7); the emulator shares no code with the suite.
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  emulator: ['emulator'],
  generators: ['generators'],
  harness: ['harness', 'generators'],
  reports: ['reports', 'specs/ruleIds.ts', 'specs/catalogVersion.ts', 'harness/transcript.ts'],
  rules: ['generators', 'harness', 'specs/rule.ts', 'specs/expect.ts', 'specs/controls.ts', 'specs/modelled.ts', 'specs/historySteps.ts', 'specs/capabilities.ts', 'specs/ruleIds.ts'],
};

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(folder, f));
}

function localImports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const folder = file.split('/').slice(0, -1).join('/');
  return [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)].map((m) => normalisePath(join(folder, m[1]!)));
}

function normalisePath(path: string): string {
  return path.replace(/\\/g, '/');
}

const importChecks = [
  ...['emulator', 'generators', 'harness', 'reports'].flatMap((folder) => sourceFiles(folder).map((file) => ({ file, allowed: ALLOWED[folder]! }))),
  ...ruleFiles.map((file) => ({ file: `specs/${file}`, allowed: ALLOWED.rules! })),
];

describe.each(importChecks)('imports of $file', ({ file, allowed }) => {
  it('go only where data flows', () => {
    const bad = localImports(file).filter((target) => !allowed.some((prefix) => target === prefix || target.startsWith(`${prefix}/`)));
    expect(bad, `${basename(file)} imports ${bad.join(', ')}`).toEqual([]);
  });
});
