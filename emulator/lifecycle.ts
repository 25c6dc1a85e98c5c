// Instance states are a pure function of the clock: no timers advance them, so an idle emulator
// keeps no process alive and a fake clock drives every transition in tests.
import type { LifecycleOptions } from './options.ts';

export type InstanceStateName = 'pending' | 'running' | 'shutting-down' | 'terminated';

export interface InstanceState {
  code: number;
  name: InstanceStateName;
}

/** The timestamps that decide an instance's state. */
export interface LifecycleTimes {
  launchedAt: number;
  terminatedAt?: number;
}

const CODES: Readonly<Record<InstanceStateName, number>> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
};

function state(name: InstanceStateName): InstanceState {
  return { code: CODES[name], name };
}

// A transition of 0 ms still leaves the first millisecond in the earlier state, so a fresh launch
// always reports `pending` and a fresh terminate always reports `shutting-down`, as EC2 does.
function stillIn(since: number, durationMs: number, now: number): boolean {
  return now - since < Math.max(durationMs, 1);
}

export function instanceStateAt(times: LifecycleTimes, now: number, lifecycle: LifecycleOptions): InstanceState {
  if (times.terminatedAt !== undefined) {
    return state(stillIn(times.terminatedAt, lifecycle.shuttingDownMs, now) ? 'shutting-down' : 'terminated');
  }
  return state(stillIn(times.launchedAt, lifecycle.pendingMs, now) ? 'pending' : 'running');
}

/** Terminated instances leave describe calls after a while (REF-EVENTUAL-CONSISTENCY); tokens stay. */
export function isVisibleAt(times: LifecycleTimes, now: number, lifecycle: LifecycleOptions): boolean {
  if (times.terminatedAt === undefined) return true;
  const terminatedFrom = times.terminatedAt + lifecycle.shuttingDownMs;
  return now < terminatedFrom + lifecycle.terminatedVisibleMs;
}

/**
 * Whether a resource created at `createdAt` is still in its creating state (a volume `creating`, a
 * prefix list `create-in-progress`): for `pendingMs`, and at least its first millisecond, like an
 * instance's `pending`.
 */
export function isCreatingAt(createdAt: number, now: number, lifecycle: Pick<LifecycleOptions, 'pendingMs'>): boolean {
  return stillIn(createdAt, lifecycle.pendingMs, now);
}
