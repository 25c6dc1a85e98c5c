import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../specs/capabilities.ts';
import { CATALOG } from '../../specs/catalog.ts';
import type { Rule } from '../../specs/rule.ts';
import { RULE_IDS } from '../../specs/ruleIds.ts';

// test262-style checks of every rule's typed header: one small check per concern.
const ROOT = new URL('../../', import.meta.url).pathname;
const FACTS = readFileSync(join(ROOT, 'docs/ec2-idempotency-facts.md'), 'utf8');
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

const ruleFiles = readdirSync(join(ROOT, 'specs')).filter((file) => /^[a-z]+(-[a-z]+)*\.ts$/.test(file) && readFileSync(join(ROOT, 'specs', file), 'utf8').includes('defineRule({'));
const rules = await Promise.all(ruleFiles.map(async (file) => ({ file, rule: (await import(`../../specs/${file}`)).default as Rule })));

function factExists(fact: string): boolean {
  if (/^[RD]\d+$/.test(fact)) return FACTS.includes(`**${fact} `);
  if (/^Q\d+$/.test(fact)) return new RegExp(`^${fact.slice(1)}\\. \\*\\*`, 'm').test(FACTS.split('## 5.')[1] ?? '');
  if (/^§\d+(\.\d+)*$/.test(fact)) return new RegExp(`^#+ ${fact.slice(1).replace('.', '\\.')} `, 'm').test(FACTS);
  return false;
}

describe.each(rules)('rule file specs/$file', ({ file, rule }) => {
  it('FILENAME: is named after its id', () => expect(file).toBe(`${rule.id.toLowerCase()}.ts`));
  it('CATALOG: is listed exactly once', () => expect(CATALOG.filter((r) => r.id === rule.id)).toHaveLength(1));
  it('DESCRIPTION: one line under 100 characters', () => {
    expect(rule.description.length).toBeLessThan(100);
    expect(rule.description).not.toContain('\n');
  });
  it('CAPABILITIES: requires only known capabilities', () => {
    for (const capability of rule.requires) expect(Object.keys(CAPABILITIES)).toContain(capability);
  });
  it('PROFILES: runs in at least one known profile', () => {
    expect(rule.profiles.length).toBeGreaterThan(0);
    for (const profile of rule.profiles) expect(['seed', 'aws-current', 'strict']).toContain(profile);
  });
  it('SOURCE: the fact exists and the sentence is still in the facts file word for word', () => {
    expect(factExists(rule.source.fact), `fact ${rule.source.fact}`).toBe(true);
    expect(normalise(FACTS)).toContain(normalise(rule.source.sentence));
    expect(FACTS).toContain(`[${rule.source.key}]`);
  });
});

describe('the rule set', () => {
  it('every public rule id has exactly one rule file and catalog entry', () => {
    expect(rules.map(({ rule }) => rule.id).sort()).toEqual([...RULE_IDS].sort());
    expect(CATALOG.map((rule) => rule.id).sort()).toEqual([...RULE_IDS].sort());
  });
  it('the facts file lint detects a stale sentence (the check can fail)', () => {
    expect(normalise(FACTS)).not.toContain(normalise('A client token is a unique, case-insensitive string'));
  });
});

// Data flows one way (style.md §7); the emulator shares no code with the suite.
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  emulator: ['emulator'],
  generators: ['generators'],
  harness: ['harness', 'generators'],
  reports: ['reports', 'specs/ruleIds.ts', 'harness/transcript.ts'],
  rules: ['generators', 'harness', 'specs/rule.ts', 'specs/expect.ts', 'specs/capabilities.ts', 'specs/ruleIds.ts'],
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
