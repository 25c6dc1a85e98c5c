import { describe, expect, it } from 'vitest';
import { instanceStateAt, isVisibleAt } from '../../emulator/lifecycle.ts';

const lifecycle = { pendingMs: 500, shuttingDownMs: 500, terminatedVisibleMs: 3_600_000, listingDelayMs: 0 };
const launchedAt = 1_000_000;

describe('lifecycle', () => {
  it('goes pending → running after pendingMs', () => {
    expect(instanceStateAt({ launchedAt }, launchedAt, lifecycle)).toEqual({ code: 0, name: 'pending' });
    expect(instanceStateAt({ launchedAt }, launchedAt + 499, lifecycle).name).toBe('pending');
    expect(instanceStateAt({ launchedAt }, launchedAt + 500, lifecycle)).toEqual({ code: 16, name: 'running' });
  });

  it('goes shutting-down → terminated after shuttingDownMs', () => {
    const times = { launchedAt, terminatedAt: launchedAt + 10_000 };
    expect(instanceStateAt(times, launchedAt + 10_000, lifecycle)).toEqual({ code: 32, name: 'shutting-down' });
    expect(instanceStateAt(times, launchedAt + 10_500, lifecycle)).toEqual({ code: 48, name: 'terminated' });
  });

  it('reports pending at launch and shutting-down at terminate even with zero durations', () => {
    const instant = { pendingMs: 0, shuttingDownMs: 0, terminatedVisibleMs: 0, listingDelayMs: 0 };
    expect(instanceStateAt({ launchedAt }, launchedAt, instant).name).toBe('pending');
    expect(instanceStateAt({ launchedAt }, launchedAt + 1, instant).name).toBe('running');
    expect(instanceStateAt({ launchedAt, terminatedAt: launchedAt + 5 }, launchedAt + 5, instant).name).toBe('shutting-down');
    expect(instanceStateAt({ launchedAt, terminatedAt: launchedAt + 5 }, launchedAt + 6, instant).name).toBe('terminated');
  });

  it('hides terminated instances after terminatedVisibleMs, counted from termination', () => {
    const times = { launchedAt, terminatedAt: launchedAt + 1000 };
    expect(isVisibleAt({ launchedAt }, Number.MAX_SAFE_INTEGER, lifecycle)).toBe(true);
    expect(isVisibleAt(times, launchedAt + 1000 + 500 + 3_599_999, lifecycle)).toBe(true);
    expect(isVisibleAt(times, launchedAt + 1000 + 500 + 3_600_000, lifecycle)).toBe(false);
  });
});
