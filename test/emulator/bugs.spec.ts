import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUGS, LEGIT_VARIANTS } from '../../emulator/bugs.ts';
import { resolveEmulatorOptions } from '../../emulator/options.ts';
import { isBuiltinEmulatorAction } from '../../emulator/actionNames.ts';
import { isRuleId } from '../../specs/ruleIds.ts';

const EMULATOR_DIR = join(import.meta.dirname, '../../emulator');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('seeded bug catalogue', () => {
  const sources = sourceFiles(EMULATOR_DIR)
    .filter((file) => relative(EMULATOR_DIR, file) !== 'bugs.ts')
    .map((file) => ({ file: relative(EMULATOR_DIR, file), text: readFileSync(file, 'utf8') }));

  it('has at least 25 bugs and 5 legitimate variants', () => {
    expect(Object.keys(BUGS).length).toBeGreaterThanOrEqual(25);
    expect(Object.keys(LEGIT_VARIANTS).length).toBeGreaterThanOrEqual(5);
  });

  it.each(Object.keys(BUGS))('%s is consulted at exactly one place outside bugs.ts', (name) => {
    // Bug names are letters, digits and hyphens, so the quoted name is a literal pattern.
    const places = sources.flatMap(({ file, text }) => Array.from(text.matchAll(new RegExp(`'${name}'`, 'g')), () => file));
    expect(places).toHaveLength(1);
  });

  it.each(Object.entries(BUGS))('%s names public rule ids and resolvable settings', (name, bug) => {
    expect(bug.summary.length).toBeGreaterThan(10);
    // A bug no rule can fail on its own must say the endpoint is untested; every other names its rules.
    const untested = bug.verdict === 'untested';
    expect(bug.rules.length > 0 || untested, `${name} names no rule and is not marked untested`).toBe(true);
    for (const rule of bug.rules) expect(isRuleId(rule), `${name}: ${rule}`).toBe(true);
    expect(() => resolveEmulatorOptions({ bug: name as keyof typeof BUGS })).not.toThrow();
  });

  it.each(Object.entries(BUGS).filter(([, bug]) => bug.actions !== undefined))('%s names actions the emulator routes, and its switch lives in one of them', (name, bug) => {
    for (const action of bug.actions ?? []) expect(isBuiltinEmulatorAction(action), `${name}: ${action}`).toBe(true);
    const [place] = sources.filter(({ text }) => text.includes(`'${name}'`)).map(({ file }) => file);
    const lowerFirst = (action: string): string => action.charAt(0).toLowerCase() + action.slice(1);
    expect(bug.actions?.map((action) => `actions/${lowerFirst(action)}.ts`)).toContain(place);
  });

  it.each(Object.keys(LEGIT_VARIANTS))('variant %s resolves', (name) => {
    expect(() => resolveEmulatorOptions({ variant: name as keyof typeof LEGIT_VARIANTS })).not.toThrow();
  });
});
