import { describe, expect, it } from 'vitest';
import type { LegitVariantName } from '../../emulator/bugs.ts';
import { runAgainst } from '../../selftest/runAgainst.ts';

// Legitimate server-side behaviours (503 before acting, 500 after committing, throttling, latency
// in the critical section): the suite must pass on each. `npm run mutants` runs all variants with
// the default settings; here, fewer cases keep `npm test` quick.
const FAULT_MODES: readonly LegitVariantName[] = ['flaky-503', 'commit-then-500', 'throttling', 'slow', 'in-progress'];

describe.each(FAULT_MODES)('the suite on the emulator with %s', (variant) => {
  it('finds no failure', async () => {
    const { verdicts } = await runAgainst({ variant }, { seed: 7, runs: 8 });
    expect(verdicts.filter((v) => v.status === 'failed').map((v) => `${v.rule} ${v.action}: ${v.failure?.message}`)).toEqual([]);
    expect(verdicts.filter((v) => v.status === 'passed').length).toBeGreaterThan(20);
  });
});
