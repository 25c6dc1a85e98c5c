import type { Caller } from './caller.ts';
import { backoffMs } from './retry.ts';

/**
 * Repeats `look` with the state backoff until `settled` accepts its result or `deadline` (ms since
 * the epoch) has passed; returns the last result and how many times it looked again.
 */
export async function pollUntil<T>(look: () => Promise<T>, settled: (result: T) => boolean, caller: Caller, deadline: number): Promise<{ result: T; polls: number }> {
  let result = await look();
  let polls = 0;
  while (!settled(result) && Date.now() < deadline) {
    await caller.pause(Math.min(backoffMs(caller.policy, 'state', polls, caller.random), Math.max(0, deadline - Date.now())));
    polls += 1;
    result = await look();
  }
  return { result, polls };
}
