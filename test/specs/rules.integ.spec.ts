import { describe, expect, it } from 'vitest';
import { BUGS, type BugName } from '../../emulator/bugs.ts';
import { notPassed, rulesToRun, runAgainst } from '../../selftest/runAgainst.ts';
import { CATALOG } from '../../specs/catalog.ts';
import { RULE_IDS, type RuleId } from '../../specs/ruleIds.ts';

// Every rule is shown to fail, with a readable shrunk counterexample, on an endpoint that breaks it.
function bugBreaking(rule: RuleId): BugName {
  const entry = Object.entries(BUGS).find(([, spec]) => spec.rules.includes(rule) && spec.rules.length === 1)
    ?? Object.entries(BUGS).find(([, spec]) => spec.rules.includes(rule));
  if (!entry) throw new Error(`no seeded bug breaks ${rule}`);
  return entry[0] as BugName;
}

describe.each(RULE_IDS.map((rule) => ({ rule, bug: bugBreaking(rule) })))('$rule', ({ rule, bug }) => {
  it(`fails on the emulator with bug ${bug}, with a shrunk counterexample a person can read`, async () => {
    // Only this rule's failures are read: only they are shrunk (RETENTION needs every rule to run first).
    const { verdicts } = await runAgainst({ bug }, { seed: 20261128, only: rulesToRun([rule]), shrink: [rule] });
    // A rule violation: not a crash, an inconclusive result or a skip.
    const failed = verdicts.filter((v) => v.status === 'failed' && v.rule === rule);
    expect(failed.length, `${rule} did not fail on ${bug}`).toBeGreaterThan(0);
    for (const verdict of failed) {
      const failure = verdict.failure!;
      expect(failure.message).toMatch(/\w/);
      expect(failure.message).not.toContain('\n');
      expect(failure.transcript.length).toBeGreaterThan(0);
      expect(failure.transcript[0]?.request.body ?? failure.transcript[0]?.request.url).toMatch(/Action=/);
      expect(failure.replay).toContain(`--only ${rule}`);
      expect(failure.replay).toMatch(/--seed \d+ --path [\d:]+/);
      expect(failure.input).not.toBe('(none)');
      expect(failure.foundAfter?.requests).toBeGreaterThan(0);
    }
  });
});

describe('a correct endpoint', () => {
  it('passes every rule with evidence (or has it not-applicable with a reason) and is conformant', async () => {
    const run = await runAgainst({}, { seed: 20261128, runs: 10 });
    expect(notPassed(run.verdicts).map((v) => `${v.rule} ${v.action} ${v.status}: ${v.failure?.message ?? v.reason}`)).toEqual([]);
    expect(run.conformance).toBe('conformant');
    for (const verdict of run.verdicts.filter((v) => v.status === 'not-applicable')) expect(verdict.reason).toMatch(/\w/);
    for (const verdict of run.verdicts.filter((v) => v.status === 'passed')) {
      expect(verdict.runs).toBeGreaterThanOrEqual(CATALOG.find((r) => r.id === verdict.rule)?.fixedRuns ?? 5);
    }
  });
});
