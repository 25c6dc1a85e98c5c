import { setTimeout as delay } from 'node:timers/promises';
import type { Outcome } from './outcome.ts';
import { STATE_CODES, THROTTLING_CODES, TRANSIENT_CODES, TRANSIENT_STATUSES, type RetryPolicy } from './retry.constants.ts';

export type Advice =
  | { readonly kind: 'done' }
  | { readonly kind: 'stop'; readonly reason: string }
  | { readonly kind: 'retry'; readonly reason: string; readonly backoff: 'transient' | 'throttling' | 'state' };

/**
 * What a client should do with an answer (REF-RETRY-TABLE): 200 — done, retrying changes nothing;
 * 4xx — stop, unless a resource is changing state; 5xx, throttling and lost answers — retry with
 * backoff, which is safe because every retry carries the same ClientToken.
 */
export function advise(outcome: Outcome): Advice {
  switch (outcome.kind) {
    case 'ok':
      return { kind: 'done' };
    case 'transport-failure':
      return { kind: 'retry', reason: `transport failure ${outcome.code}`, backoff: 'transient' };
    case 'malformed':
      return outcome.status >= 400 && outcome.status < 500
        ? { kind: 'stop', reason: `malformed ${outcome.status} answer` }
        : { kind: 'retry', reason: `malformed ${outcome.status} answer`, backoff: 'transient' };
    case 'ec2-error':
      if (THROTTLING_CODES.has(outcome.code) || outcome.status === 429) {
        return { kind: 'retry', reason: `throttled (${outcome.code})`, backoff: 'throttling' };
      }
      if (TRANSIENT_STATUSES.has(outcome.status) || (outcome.status >= 500 && TRANSIENT_CODES.has(outcome.code))) {
        return { kind: 'retry', reason: `${outcome.status} ${outcome.code}`, backoff: 'transient' };
      }
      if (STATE_CODES.has(outcome.code)) return { kind: 'retry', reason: `resource changing state (${outcome.code})`, backoff: 'state' };
      return { kind: 'stop', reason: `${outcome.status} ${outcome.code}` };
  }
}

export interface RetryDependencies {
  /** Injectable so tests do not wait. @defaultValue node:timers/promises setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  /** @defaultValue Math.random */
  readonly random?: () => number;
}

export interface RetryResult {
  /** The last outcome: the answer the caller acts on. */
  readonly outcome: Outcome;
  /** Every attempt's outcome, in order. */
  readonly attempts: readonly Outcome[];
}

/**
 * Capped exponential backoff. Transient and throttling answers: full jitter, rand × min(cap, base × 2^n).
 * State answers: equal jitter from `stateBaseMs` (at least half of each step), so that the waits
 * surely grow until the request in flight had time to finish.
 */
export function backoffMs(policy: RetryPolicy, backoff: 'transient' | 'throttling' | 'state', retry: number, random: () => number): number {
  if (backoff === 'state') {
    const step = Math.min(policy.capMs, policy.stateBaseMs * 2 ** retry);
    return Math.floor(step / 2 + random() * (step / 2));
  }
  const base = backoff === 'throttling' ? policy.throttlingBaseMs : policy.baseMs;
  return Math.floor(random() * Math.min(policy.capMs, base * 2 ** retry));
}

/**
 * Runs `attempt` until the advice is not "retry" or the retries run out: transient and throttling
 * answers after `maxAttempts` attempts, state answers once their waits reach `maxStateWaitMs`.
 * The caller's attempt function re-signs each time and always sends the same token and parameters.
 */
export async function withRetry(attempt: (n: number) => Promise<Outcome>, policy: RetryPolicy, deps: RetryDependencies = {}): Promise<RetryResult> {
  const sleep = deps.sleep ?? ((ms: number) => delay(ms).then(() => undefined));
  const random = deps.random ?? Math.random;
  const attempts: Outcome[] = [];
  let transientRetries = 0;
  let stateRetries = 0;
  let stateWaited = 0;
  for (let n = 0; ; n += 1) {
    const outcome = await attempt(n);
    attempts.push(outcome);
    const advice = advise(outcome);
    if (advice.kind !== 'retry') return { outcome, attempts };
    if (advice.backoff === 'state') {
      if (stateWaited >= policy.maxStateWaitMs) return { outcome, attempts };
      const ms = Math.min(backoffMs(policy, 'state', stateRetries++, random), policy.maxStateWaitMs - stateWaited);
      stateWaited += ms;
      await sleep(ms);
      continue;
    }
    if (transientRetries + 1 >= policy.maxAttempts) return { outcome, attempts };
    await sleep(backoffMs(policy, advice.backoff, transientRetries++, random));
  }
}
