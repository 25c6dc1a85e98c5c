// The emulator must stay fast with 100,000 instances alive: RunInstances keeps ≥ 80% of its
// empty-store rate, and id / client-token lookups do not scan.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { RUN, formBody, inProcessEmulator, items } from './support/inProcess.ts';
import type { InProcessEmulator } from './support/inProcess.ts';

const ROUNDS = 3;
const CALLS_PER_ROUND = 300;
let tokenSequence = 0;

/** Best of several rounds, in calls per second: the least disturbed by GC and the scheduler. */
async function runInstancesRate(emulator: InProcessEmulator): Promise<number> {
  let best = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    for (let call = 0; call < CALLS_PER_ROUND; call += 1) {
      await emulator.call({ ...RUN, ClientToken: `perf-${(tokenSequence += 1)}` });
    }
    best = Math.max(best, CALLS_PER_ROUND / ((performance.now() - started) / 1000));
  }
  return best;
}

// Straight to the handler: parsing 100,000 instances of XML here would only measure the test.
async function populate(emulator: InProcessEmulator, instances: number): Promise<void> {
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  for (let launched = emulator.handler.stats().launches; launched < instances; launched += 50) {
    const body = Buffer.from(formBody({ ...RUN, Version: '2016-11-15', MaxCount: 50, ClientToken: `bulk-${launched}` }));
    const answer = await emulator.handler.handle({ method: 'POST', url: '/', headers, body });
    if (answer.status !== 200) throw new Error(`populate failed: ${answer.body}`);
  }
}

describe('performance at 100,000 instances', () => {
  it('keeps RunInstances at ≥ 80% of the empty-store rate, and describes by id and token without scanning', async () => {
    const emulator = inProcessEmulator();
    await runInstancesRate(inProcessEmulator()); // warm up the JIT on a throwaway emulator
    const emptyRate = await runInstancesRate(emulator);
    await populate(emulator, 100_000);
    expect(emulator.handler.stats().resourcesAlive.instances).toBeGreaterThanOrEqual(100_000);
    const fullRate = await runInstancesRate(emulator);
    expect(fullRate / emptyRate, `empty ${emptyRate.toFixed(0)}/s, full ${fullRate.toFixed(0)}/s`).toBeGreaterThanOrEqual(0.8);

    const probe = items((await emulator.call({ ...RUN, ClientToken: 'needle' })).body.instancesSet)[0].instanceId;
    const started = performance.now();
    for (let call = 0; call < 100; call += 1) {
      const byToken = await emulator.call({ Action: 'DescribeInstances', 'Filter.1.Name': 'client-token', 'Filter.1.Value.1': 'needle' });
      const byId = await emulator.call({ Action: 'DescribeInstances', 'Filter.1.Name': 'instance-id', 'Filter.1.Value.1': probe });
      expect(items(byToken.body.reservationSet)).toHaveLength(1);
      expect(items(byId.body.reservationSet)).toHaveLength(1);
    }
    // A scan of 100k instances takes milliseconds per call; 200 indexed lookups take far less.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
