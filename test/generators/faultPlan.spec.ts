import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { faultPlan, faultStep, transientPlan, type FaultStep } from '../../generators/faultPlan.ts';

const KINDS = ['pass', 'replace-503', 'replace-500', 'replace-throttle', 'drop-response', 'refuse', 'reset-mid-body', 'timeout', 'delay'];

function checkStep(step: FaultStep, maxDelayMs: number): void {
  expect(KINDS).toContain(step.kind);
  if (step.kind === 'timeout') expect(step.afterMs >= 1 && step.afterMs <= maxDelayMs).toBe(true);
  if (step.kind === 'delay') expect(step.ms >= 1 && step.ms <= maxDelayMs).toBe(true);
}

describe('faultPlan', () => {
  test.prop([faultPlan()])('1..4 steps by default, each a known kind with delays in 1..30 ms', (plan) => {
    expect(plan.length).toBeGreaterThanOrEqual(1);
    expect(plan.length).toBeLessThanOrEqual(4);
    for (const step of plan) checkStep(step, 30);
  });

  test.prop([faultPlan({ maxFaults: 2, maxDelayMs: 5 })])('maxFaults and maxDelayMs bound the plan', (plan) => {
    expect(plan.length).toBeGreaterThanOrEqual(1);
    expect(plan.length).toBeLessThanOrEqual(2);
    for (const step of plan) checkStep(step, 5);
  });

  it('draws every kind of fault', () => {
    const kinds = new Set(fc.sample(faultStep(), { seed: 42, numRuns: 500 }).map((s) => s.kind));
    expect([...kinds].sort()).toEqual([...KINDS].sort());
  });

  test.prop([transientPlan({ maxFaults: 3 })])('transientPlan has only replace-* steps, 1..maxFaults of them', (plan) => {
    expect(plan.length).toBeGreaterThanOrEqual(1);
    expect(plan.length).toBeLessThanOrEqual(3);
    for (const step of plan) expect(['replace-503', 'replace-500', 'replace-throttle']).toContain(step.kind);
  });

  it('transientPlan draws all three answers', () => {
    const kinds = new Set(fc.sample(transientPlan(), { seed: 42, numRuns: 100 }).flat().map((s) => s.kind));
    expect(kinds).toEqual(new Set(['replace-503', 'replace-500', 'replace-throttle']));
  });
});
