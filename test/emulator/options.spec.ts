import { describe, expect, it } from 'vitest';
import { resolveEmulatorOptions } from '../../emulator/options.ts';
import type { EmulatorOptions } from '../../emulator/options.ts';

describe('resolveEmulatorOptions', () => {
  it('fills every default', () => {
    const resolved = resolveEmulatorOptions();
    expect(resolved).toMatchObject({
      host: '127.0.0.1',
      port: 0,
      regions: ['us-east-1', 'us-west-2', 'eu-west-1'],
      defaultAccount: '123456789012',
      accounts: {},
      strictAuth: false,
      terminatedReplay: 'replay',
      lifecycle: { pendingMs: 500, shuttingDownMs: 500, terminatedVisibleMs: 3_600_000, listingDelayMs: 0 },
      faults: { unavailableRate: 0, throttleRate: 0, commitThen500Rate: 0, criticalSectionLatencyMs: 0, responseLatencyMs: 0 },
      bug: undefined,
      concurrentDuplicates: 'wait',
    });
    expect(Number.isSafeInteger(resolved.faults.seed)).toBe(true);
    expect(Math.abs(resolved.clock.now() - Date.now())).toBeLessThan(1000);
  });

  it.each([
    [{ port: 70_000 }, /port.*70000.*between 0 and 65535/],
    [{ port: 1.5 }, /port.*integer/],
    [{ regions: [] }, /regions.*at least one region/],
    [{ regions: ['US-EAST-1'] }, /regions.*"US-EAST-1".*us-east-1/],
    [{ regions: ['us-east-1', 'us-east-1'] }, /regions.*each region once/],
    [{ defaultAccount: '42' }, /defaultAccount.*12-digit/],
    [{ accounts: { AKID: { accountId: 'x', secretAccessKey: 's' } } }, /accounts\.AKID\.accountId.*12-digit/],
    [{ accounts: { AKID: { accountId: '111122223333', secretAccessKey: '' } } }, /accounts\.AKID\.secretAccessKey.*<redacted>/],
    [{ terminatedReplay: 'maybe' }, /terminatedReplay.*replay, error/],
    [{ concurrentDuplicates: 'race' }, /concurrentDuplicates.*wait, in-progress/],
    [{ faults: { unavailableRate: 1.5 } }, /faults\.unavailableRate.*1\.5.*between 0 and 1/],
    [{ faults: { responseLatencyMs: -1 } }, /faults\.responseLatencyMs/],
    [{ faults: { seed: 0.5 } }, /faults\.seed.*integer/],
    [{ lifecycle: { pendingMs: -5 } }, /lifecycle\.pendingMs.*non-negative/],
    [{ lifecycle: { listingDelayMs: -1 } }, /lifecycle\.listingDelayMs.*non-negative/],
    [{ lifecycle: { listingDelayMs: Number.NaN } }, /lifecycle\.listingDelayMs.*non-negative/],
    [{ bug: 'no-such-bug' }, /bug.*"no-such-bug".*--list-bugs/],
    [{ variant: 'no-such-variant' }, /variant.*flaky-503/],
    [{ host: '' }, /host/],
  ] as Array<[unknown, RegExp]>)('refuses %j, naming the field and the fix', (options, message) => {
    expect(() => resolveEmulatorOptions(options as EmulatorOptions)).toThrow(message);
  });

  it('never puts a secret in an error message', () => {
    const options = { accounts: { AKID: { accountId: 'bad', secretAccessKey: 'TOP-SECRET' } } };
    expect(() => resolveEmulatorOptions(options)).toThrow(/^(?!.*TOP-SECRET)/s);
  });

  it('layers variant, then bug settings, under explicit options', () => {
    expect(resolveEmulatorOptions({ bug: 'check-then-act-race' }).faults.criticalSectionLatencyMs).toBe(50);
    expect(resolveEmulatorOptions({ bug: 'check-then-act-race', faults: { criticalSectionLatencyMs: 7 } }).faults.criticalSectionLatencyMs).toBe(7);
    const variant = resolveEmulatorOptions({ variant: 'state-advancing', lifecycle: { terminatedVisibleMs: 10 } });
    expect(variant.lifecycle).toEqual({ pendingMs: 0, shuttingDownMs: 0, terminatedVisibleMs: 10, listingDelayMs: 0 });
    expect(resolveEmulatorOptions({ variant: 'eventual-consistency' }).lifecycle.listingDelayMs).toBe(60);
    expect(resolveEmulatorOptions({ variant: 'in-progress' })).toMatchObject({ concurrentDuplicates: 'in-progress', faults: { criticalSectionLatencyMs: 30 } });
  });
});
