import { describe, expect, it } from 'vitest';
import { RUN, inProcessEmulator } from './support/inProcess.ts';
import type { EmulatorOptions } from '../../emulator/options.ts';

async function outcomes(options: EmulatorOptions, calls = 60): Promise<string[]> {
  const emulator = inProcessEmulator(options);
  const seen: string[] = [];
  for (let call = 0; call < calls; call += 1) {
    const answer = await emulator.call({ Action: 'DescribeRegions' });
    seen.push(answer.code ? `${answer.status} ${answer.code}` : String(answer.status));
  }
  return seen;
}

describe('fault injection', () => {
  it('is reproducible from the seed and varies with it', async () => {
    const faults = { unavailableRate: 0.3, throttleRate: 0.2 };
    const first = await outcomes({ faults: { ...faults, seed: 7 } });
    expect(await outcomes({ faults: { ...faults, seed: 7 } })).toEqual(first);
    expect(await outcomes({ faults: { ...faults, seed: 8 } })).not.toEqual(first);
    expect(new Set(first)).toEqual(new Set(['200', '503 Unavailable', '503 RequestLimitExceeded']));
  });

  it('injects nothing at rate 0 and counts what it injects', async () => {
    expect(new Set(await outcomes({ faults: { seed: 1 } }))).toEqual(new Set(['200']));
    const emulator = inProcessEmulator({ faults: { unavailableRate: 1 } });
    const answer = await emulator.call(RUN);
    expect([answer.status, answer.code]).toEqual([503, 'Unavailable']);
    expect(emulator.handler.stats()).toMatchObject({ launches: 0, faultsInjected: { unavailable: 1, throttled: 0, commitThen500: 0 } });
  });

  it('only fails creates that carry a token after commit, so a retry is safe', async () => {
    const emulator = inProcessEmulator({ faults: { commitThen500Rate: 1 } });
    expect((await emulator.call(RUN)).status).toBe(200);
    expect((await emulator.call({ ...RUN, ClientToken: 't' })).status).toBe(500);
  });

  it('delays every answer by responseLatencyMs', async () => {
    const emulator = inProcessEmulator({ faults: { responseLatencyMs: 30 } });
    const started = Date.now();
    await emulator.call({ Action: 'Nope' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});
