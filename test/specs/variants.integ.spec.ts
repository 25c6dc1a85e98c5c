import { describe, expect, it } from 'vitest';
import { LEGIT_VARIANTS, type LegitVariantName } from '../../emulator/bugs.ts';
import { notPassed, runAgainst } from '../../selftest/runAgainst.ts';

// Legitimate behaviours a correct endpoint may show (503s before acting, a 500 after committing,
// throttling, latency, states that advance at once, a terminated-token error, in-progress answers
// to concurrent duplicates, listings that lag): the suite must pass every rule on each, with
// evidence, under several seeds, so that a flaky false positive shows up here rather than at random
// in CI. `npm run mutants` runs ten seeds of each.
const SEEDS = [7, 8, 9];

describe.each(Object.keys(LEGIT_VARIANTS) as LegitVariantName[])('the suite on the emulator with %s', (variant) => {
  it.each(SEEDS)('passes every rule with evidence (seed %i)', async (seed) => {
    const run = await runAgainst({ variant }, { seed, runs: 5 });
    expect(notPassed(run.verdicts).map((v) => `${v.rule} ${v.action} ${v.status}: ${v.failure?.message ?? v.reason}`)).toEqual([]);
    expect(run.conformance).toBe('conformant');
    expect(run.verdicts.filter((v) => v.status === 'passed').length).toBeGreaterThanOrEqual(28);
  });
});
