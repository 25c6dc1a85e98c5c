import { describe, expect, it } from 'vitest';
import { prngSeed } from '../../emulator/faults.ts';
import { RUN, inProcessEmulator } from './support/inProcess.ts';
import type { Params } from './support/inProcess.ts';
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

/** A fixed mix of describes, token creates (some repeated) and token-less creates. */
function requestSequence(): Params[] {
  return Array.from({ length: 90 }, (_, index): Params => {
    switch (index % 5) {
      case 0:
        return { Action: 'DescribeRegions' };
      case 1:
        return { ...RUN, ClientToken: `t-${index % 15}` };
      case 2:
        return { Action: 'CreateLaunchTemplate', LaunchTemplateName: `tpl-${index}`, 'LaunchTemplateData.ImageId': 'ami-12345678', ClientToken: `lt-${index}` };
      case 3:
        return RUN;
      default:
        return { Action: 'DescribeInstances' };
    }
  });
}

async function faultTrace(options: EmulatorOptions): Promise<{ outcomes: string[]; injected: unknown }> {
  const emulator = inProcessEmulator(options);
  const outcomes: string[] = [];
  for (const params of requestSequence()) {
    const answer = await emulator.call(params);
    outcomes.push(`${String(params.Action)} ${answer.status} ${answer.code ?? ''}`);
  }
  return { outcomes, injected: emulator.handler.stats().faultsInjected };
}

describe('fault injection', () => {
  it('injects exactly the same faults of every kind for the same seed and request sequence', async () => {
    const faults = { unavailableRate: 0.15, throttleRate: 0.15, commitThen500Rate: 0.3 };
    for (const seed of [7, -7, 2 ** 40 + 7]) {
      const first = await faultTrace({ faults: { ...faults, seed } });
      expect(await faultTrace({ faults: { ...faults, seed } })).toEqual(first);
      expect(first.injected).toEqual({ unavailable: expect.any(Number), throttled: expect.any(Number), commitThen500: expect.any(Number) });
      for (const count of Object.values(first.injected as Record<string, number>)) expect(count).toBeGreaterThan(0);
    }
  });

  it('keeps seeds apart that differ only above 32 bits, and leaves 32-bit seeds as they are', async () => {
    expect([prngSeed(7), prngSeed(-7), prngSeed(2 ** 31 + 7)]).toEqual([7, -7, (2 ** 31 + 7) | 0]);
    expect(prngSeed(2 ** 32 + 7)).not.toBe(prngSeed(7));
    const faults = { unavailableRate: 0.3, throttleRate: 0.2 };
    expect(await outcomes({ faults: { ...faults, seed: 2 ** 32 + 7 } })).not.toEqual(await outcomes({ faults: { ...faults, seed: 7 } }));
  });

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
