// At 100,000 instances the emulator still answers exactly: replays, the client-token filter and
// instance-id lookups (exact, escaped or wildcard) find the one right reservation among them. How fast it stays is measured
// by `npm run bench` (RunInstances at 100k vs empty), never asserted here.
import { describe, expect, it } from 'vitest';
import { RUN, formBody, inProcessEmulator, items } from './support/inProcess.ts';
import type { InProcessEmulator } from './support/inProcess.ts';

// Straight to the handler: parsing 100,000 instances of XML here would only measure the test.
async function populate(emulator: InProcessEmulator, instances: number): Promise<void> {
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  for (let launched = emulator.handler.stats().launches; launched < instances; launched += 50) {
    const body = Buffer.from(formBody({ ...RUN, Version: '2016-11-15', MaxCount: 50, ClientToken: `bulk-${launched}` }));
    const answer = await emulator.handler.handle({ method: 'POST', url: '/', headers, body });
    if (answer.status !== 200) throw new Error(`populate failed: ${answer.body}`);
  }
}

describe('at 100,000 instances', () => {
  it('replays, filters by client token and looks up by id exactly', async () => {
    const emulator = inProcessEmulator();
    await populate(emulator, 100_000);
    expect(emulator.handler.stats().resourcesAlive.instances).toBeGreaterThanOrEqual(100_000);
    const first = await emulator.call({ ...RUN, ClientToken: 'needle' });
    const probe = items(first.body.instancesSet)[0].instanceId;
    const replay = await emulator.call({ ...RUN, ClientToken: 'needle' });
    expect(items(replay.body.instancesSet)[0].instanceId).toBe(probe);
    const byToken = await emulator.call({ Action: 'DescribeInstances', 'Filter.1.Name': 'client-token', 'Filter.1.Value.1': 'needle' });
    const byId = await emulator.call({ Action: 'DescribeInstances', 'Filter.1.Name': 'instance-id', 'Filter.1.Value.1': probe });
    expect(items(byToken.body.reservationSet)).toHaveLength(1);
    expect(items(items(byToken.body.reservationSet)[0].instancesSet)[0].instanceId).toBe(probe);
    expect(items(byId.body.reservationSet)).toHaveLength(1);
    expect(items(byId.body.reservationSet)[0].reservationId).toBe(first.body.reservationId);
    // An escaped value still goes to the index; a wildcard scans all 100,000 and finds the same one.
    for (const pattern of [String.raw`need\le`, 'need?e', '*eedle']) {
      const byPattern = await emulator.call({ Action: 'DescribeInstances', 'Filter.1.Name': 'client-token', 'Filter.1.Value.1': pattern });
      expect(items(byPattern.body.reservationSet).map((reservation) => reservation.reservationId)).toEqual([first.body.reservationId]);
    }
    expect(emulator.handler.stats().launches).toBe(100_001);
  });
});
