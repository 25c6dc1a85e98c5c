import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../harness/outcome.ts';
import { LOOPBACK_POLICY, SDK_STANDARD_POLICY, type RetryPolicy } from '../../harness/retry.constants.ts';
import { advise, backoffMs, withRetry, type Advice } from '../../harness/retry.ts';

const ok: Outcome = { kind: 'ok', status: 200, root: 'RunInstancesResponse', requestId: 'r', body: {} };
const error = (status: number, code: string): Outcome => ({ kind: 'ec2-error', status, code, message: '', requestId: undefined, envelope: 'ec2' });
const malformed = (status: number): Outcome => ({ kind: 'malformed', status, reason: 'not XML', snippet: '<html>' });
const transport = (code: string): Outcome => ({ kind: 'transport-failure', code, message: code, maybeCommitted: code !== 'ECONNREFUSED' });

type Expected = Advice['kind'] | 'transient' | 'throttling' | 'state';
const kindOf = (advice: Advice): Expected => (advice.kind === 'retry' ? advice.backoff : advice.kind);

describe('advise', () => {
  it.each<[string, Outcome, Expected]>([
    ['200 ok', ok, 'done'],
    ['400 IdempotentParameterMismatch', error(400, 'IdempotentParameterMismatch'), 'stop'],
    ['400 InvalidParameterValue', error(400, 'InvalidParameterValue'), 'stop'],
    ['401 AuthFailure', error(401, 'AuthFailure'), 'stop'],
    ['400 IncorrectState', error(400, 'IncorrectState'), 'state'],
    ['400 IncorrectInstanceState', error(400, 'IncorrectInstanceState'), 'state'],
    ['503 RequestLimitExceeded', error(503, 'RequestLimitExceeded'), 'throttling'],
    ['400 RequestLimitExceeded (throttling whatever the status)', error(400, 'RequestLimitExceeded'), 'throttling'],
    ['400 Throttling', error(400, 'Throttling'), 'throttling'],
    ['429 with any code', error(429, 'SomethingElse'), 'throttling'],
    ['500 InternalError', error(500, 'InternalError'), 'transient'],
    ['502 BadGateway', error(502, 'BadGateway'), 'transient'],
    ['503 Unavailable', error(503, 'Unavailable'), 'transient'],
    ['504 GatewayTimeout', error(504, 'GatewayTimeout'), 'transient'],
    ['501 with a transient code', error(501, 'InsufficientInstanceCapacity'), 'transient'],
    ['501 NotImplemented', error(501, 'NotImplemented'), 'stop'],
    ['400 with a transient code (codes need a 5xx)', error(400, 'InternalError'), 'stop'],
    ['malformed 200', malformed(200), 'transient'],
    ['malformed 502', malformed(502), 'transient'],
    ['malformed 400', malformed(400), 'stop'],
    ['malformed 499', malformed(499), 'stop'],
    ['transport failure (reset)', transport('UND_ERR_SOCKET'), 'transient'],
    ['transport failure (refused)', transport('ECONNREFUSED'), 'transient'],
    ['transport failure (timeout)', transport('TIMEOUT'), 'transient'],
  ])('%s', (_name, outcome, expected) => {
    expect(kindOf(advise(outcome))).toBe(expected);
  });

  it('the reason names what happened', () => {
    expect(advise(error(400, 'IdempotentParameterMismatch'))).toEqual({ kind: 'stop', reason: '400 IdempotentParameterMismatch' });
    expect(advise(error(503, 'RequestLimitExceeded'))).toEqual({ kind: 'retry', reason: 'throttled (RequestLimitExceeded)', backoff: 'throttling' });
    expect(advise(transport('ECONNRESET'))).toEqual({ kind: 'retry', reason: 'transport failure ECONNRESET', backoff: 'transient' });
  });
});

const POLICY: RetryPolicy = { maxAttempts: 5, baseMs: 100, throttlingBaseMs: 500, capMs: 1000, stateBaseMs: 100, maxStateWaitMs: 1000 };

/** Plays `script` (the last entry repeats) and records the attempt numbers and sleeps. */
async function play(script: readonly Outcome[], policy = POLICY, random = () => 0.5) {
  const sleeps: number[] = [];
  const numbers: number[] = [];
  const result = await withRetry(
    async (n) => {
      numbers.push(n);
      return script[Math.min(n, script.length - 1)] as Outcome;
    },
    policy,
    { sleep: async (ms) => void sleeps.push(ms), random },
  );
  return { ...result, sleeps, numbers };
}

describe('withRetry', () => {
  it('stops at the first ok and passes the attempt number', async () => {
    const run = await play([error(503, 'Unavailable'), transport('UND_ERR_SOCKET'), ok]);
    expect(run.outcome).toBe(ok);
    expect(run.attempts).toHaveLength(3);
    expect(run.numbers).toEqual([0, 1, 2]);
    // Full jitter with random 0.5: 0.5 × 100 × 2^0, 0.5 × 100 × 2^1.
    expect(run.sleeps).toEqual([50, 100]);
  });

  it('throttling waits from throttlingBaseMs, capped', async () => {
    const run = await play([error(503, 'RequestLimitExceeded'), error(400, 'RequestLimitExceeded'), error(503, 'RequestLimitExceeded'), ok]);
    expect(run.attempts).toHaveLength(4);
    expect(run.sleeps).toEqual([250, 500, 500]); // 0.5 × min(1000, 500 × 2^n)
  });

  it('gives up after maxAttempts, returning the last outcome', async () => {
    const run = await play([error(500, 'InternalError')]);
    expect(run.attempts).toHaveLength(5);
    expect(run.outcome).toEqual(error(500, 'InternalError'));
    expect(run.sleeps).toEqual([50, 100, 200, 400]);
  });

  it('does not retry a stop or a done', async () => {
    expect((await play([error(400, 'IdempotentParameterMismatch'), ok])).attempts).toHaveLength(1);
    expect((await play([ok, error(503, 'Unavailable')])).sleeps).toEqual([]);
    expect((await play([malformed(400), ok])).attempts).toHaveLength(1);
  });

  it('retries a state answer until its waits reach maxStateWaitMs, with equal jitter', async () => {
    const run = await play([error(400, 'IncorrectState')], { ...POLICY, maxAttempts: 10 });
    // 0.5 → three quarters of each step: 75, 150, 300, then the 600 is cut to what is left of 1000.
    expect(run.sleeps).toEqual([75, 150, 300, 475]);
    expect(run.attempts).toHaveLength(5);
    expect(run.outcome).toEqual(error(400, 'IncorrectState'));
  });

  it('state answers do not use up maxAttempts, and transient ones do not use up the state wait', async () => {
    const state = error(400, 'IncorrectState');
    const run = await play([state, state, state, error(503, 'Unavailable'), ok], { ...POLICY, maxAttempts: 2 });
    expect(run.attempts).toHaveLength(5);
    expect(run.outcome).toBe(ok);
  });

  it('an answer "still in flight" is retried until the request in flight had time to finish, whatever the jitter', async () => {
    // The same token is in flight for 30 ms (the in-progress variant's critical section): with the
    // loopback policy and the unluckiest jitter (random 0), the retries must still outlast it.
    for (const random of [() => 0, () => 0.999]) {
      let waited = 0;
      const result = await withRetry(async () => (waited < 30 ? error(400, 'IncorrectState') : ok), LOOPBACK_POLICY, {
        sleep: async (ms) => void (waited += ms),
        random,
      });
      expect(result.outcome).toBe(ok);
      expect(waited).toBeGreaterThanOrEqual(30);
    }
  });

  it('random 0 never waits; the jitter is the caller-given random', async () => {
    expect((await play([error(503, 'Unavailable'), ok], POLICY, () => 0)).sleeps).toEqual([0]);
    expect((await play([error(503, 'Unavailable'), ok], POLICY, () => 0.25)).sleeps).toEqual([25]);
  });
});

describe('backoffMs', () => {
  it('is rand × min(cap, base × 2^n), floored (state: equal jitter)', () => {
    expect(backoffMs(SDK_STANDARD_POLICY, 'transient', 3, () => 0.5)).toBe(400);
    expect(backoffMs(SDK_STANDARD_POLICY, 'state', 3, () => 0.5)).toBe(1500); // equal jitter: 2000 / 2 + 0.5 × 1000
    expect(backoffMs(SDK_STANDARD_POLICY, 'state', 0, () => 0)).toBe(125); // never less than half the step
    expect(backoffMs(SDK_STANDARD_POLICY, 'throttling', 3, () => 0.5)).toBe(2000);
    expect(backoffMs(SDK_STANDARD_POLICY, 'throttling', 10, () => 0.5)).toBe(10_000); // capped at 20 s
    expect(backoffMs(SDK_STANDARD_POLICY, 'transient', 1, () => 0.999)).toBe(199);
  });

  test.prop([
    fc.record({ maxAttempts: fc.integer({ min: 1, max: 20 }), baseMs: fc.integer({ min: 1, max: 10_000 }), throttlingBaseMs: fc.integer({ min: 1, max: 10_000 }), capMs: fc.integer({ min: 0, max: 60_000 }), stateBaseMs: fc.integer({ min: 1, max: 10_000 }), maxStateWaitMs: fc.nat(60_000) }),
    fc.constantFrom('transient' as const, 'throttling' as const, 'state' as const),
    fc.nat(2000),
    fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  ])('never exceeds capMs and is never negative', (policy, kind, retry, random) => {
    const ms = backoffMs(policy, kind, retry, () => random);
    expect(Number.isInteger(ms)).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(ms).toBeLessThanOrEqual(policy.capMs);
  });
});
