import { performance } from 'node:perf_hooks';
import { describe, expect, it, vi } from 'vitest';
import type { FaultStep } from '../../../generators/faultPlan.ts';
import { decode } from '../../../harness/decode.ts';
import { FaultSchedule, describeStep, faultInterceptor } from '../../../harness/interceptors/fault.ts';
import type { Outcome } from '../../../harness/outcome.ts';
import { createDispatcher, send } from '../../../harness/send.ts';
import { Transcript } from '../../../harness/transcript.ts';
import { SLOW_MS } from '../support/countingServer.ts';
import { faultyClient } from '../support/faultyClient.ts';

const { server, schedule, sink, dispatcher } = await faultyClient();

/** One attempt under `plan`: what the client saw (decoded when it is an answer), how long, and how many requests arrived. */
async function attempt(plan: readonly FaultStep[], path = '/') {
  schedule.load(plan);
  const before = server.received();
  const started = performance.now();
  const raw = await send(
    { method: 'POST', url: `${server.url}${path}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=RunInstances&ClientToken=tok' },
    { dispatcher, timeoutMs: 2000 },
  );
  const elapsedMs = performance.now() - started;
  const outcome: Outcome = raw.kind === 'exchange' ? decode(raw) : raw;
  return { outcome, elapsedMs, arrived: server.received() - before };
}

async function expectConnectionStillWorks(): Promise<void> {
  const next = await attempt([{ kind: 'pass' }]);
  expect(next.outcome).toMatchObject({ kind: 'ok', root: 'RunInstancesResponse', requestId: 'req-from-server' });
  expect(next.arrived).toBe(1);
}

describe('faultInterceptor: what the client sees and what the endpoint receives', () => {
  it('pass: the real answer, one request', async () => {
    const { outcome, arrived } = await attempt([{ kind: 'pass' }]);
    expect(outcome).toMatchObject({ kind: 'ok', status: 200, root: 'RunInstancesResponse', requestId: 'req-from-server' });
    expect(arrived).toBe(1);
  });

  it.each([
    ['replace-500', 500, 'InternalError'],
    ['replace-503', 503, 'Unavailable'],
    ['replace-throttle', 503, 'RequestLimitExceeded'],
  ] as const)('%s: a synthetic EC2 error (%i %s) after the endpoint acted', async (kind, status, code) => {
    const { outcome, arrived } = await attempt([{ kind }]);
    expect(outcome).toMatchObject({ kind: 'ec2-error', status, code, requestId: 'fault-injected', envelope: 'ec2' });
    expect(arrived).toBe(1);
    await expectConnectionStillWorks();
  });

  it('drop-response: a transport failure that may have committed; the endpoint acted', async () => {
    const { outcome, arrived } = await attempt([{ kind: 'drop-response' }]);
    expect(outcome).toMatchObject({ kind: 'transport-failure', code: 'UND_ERR_SOCKET', maybeCommitted: true });
    expect(arrived).toBe(1);
    await expectConnectionStillWorks();
  });

  it('reset-mid-body: a transport failure after the headers; the endpoint acted', async () => {
    const { outcome, arrived } = await attempt([{ kind: 'reset-mid-body' }]);
    expect(outcome).toMatchObject({ kind: 'transport-failure', code: 'UND_ERR_SOCKET', maybeCommitted: true });
    expect(arrived).toBe(1);
    await expectConnectionStillWorks();
  });

  it('refuse: ECONNREFUSED, certainly not committed, nothing reaches the endpoint', async () => {
    const { outcome, arrived } = await attempt([{ kind: 'refuse' }]);
    expect(outcome).toMatchObject({ kind: 'transport-failure', code: 'ECONNREFUSED', maybeCommitted: false });
    expect(arrived).toBe(0);
    await expectConnectionStillWorks();
  });

  it('timeout: the client gives up after afterMs although the endpoint answered in 1 ms', async () => {
    const { outcome, elapsedMs, arrived } = await attempt([{ kind: 'timeout', afterMs: 30 }]);
    // The fault's own error gives up, not send's 2000 ms abort (that one is code TIMEOUT).
    expect(outcome).toMatchObject({ kind: 'transport-failure', code: 'UND_ERR_HEADERS_TIMEOUT', maybeCommitted: true });
    expect(elapsedMs).toBeGreaterThanOrEqual(29);
    expect(arrived).toBe(1);
    await expectConnectionStillWorks();
  });

  it('timeout: against a slow endpoint the client still gives up at afterMs, not when the answer comes', async () => {
    // Order, not speed: the recorder files the real answer when it ends, so an empty transcript
    // when send returns means the client gave up before the answer came.
    const transcript = new Transcript();
    sink.current = transcript;
    try {
      const { outcome, elapsedMs, arrived } = await attempt([{ kind: 'timeout', afterMs: 30 }], '/slow');
      expect(transcript.attempts).toEqual([]);
      expect(outcome).toMatchObject({ kind: 'transport-failure', code: 'UND_ERR_HEADERS_TIMEOUT', maybeCommitted: true });
      expect(elapsedMs).toBeGreaterThanOrEqual(29);
      expect(arrived).toBe(1);
      // The answer does come, later: the empty transcript above was not for want of one.
      await vi.waitFor(() => expect(transcript.attempts.map((a) => a.response?.status)).toEqual([200]), { timeout: SLOW_MS * 10, interval: 10 });
    } finally {
      sink.current = undefined;
    }
    await expectConnectionStillWorks();
  });

  it('delay: the real answer, sent at least ms late', async () => {
    const { outcome, elapsedMs, arrived } = await attempt([{ kind: 'delay', ms: 40 }]);
    expect(outcome).toMatchObject({ kind: 'ok', requestId: 'req-from-server' });
    expect(elapsedMs).toBeGreaterThanOrEqual(39.5);
    expect(arrived).toBe(1);
  });

  it('a plan is played one step per attempt, and attempts past its end pass', async () => {
    schedule.load([{ kind: 'drop-response' }, { kind: 'replace-503' }]);
    const outcomes: Outcome[] = [];
    const before = server.received();
    for (let i = 0; i < 3; i += 1) {
      const raw = await send({ method: 'POST', url: `${server.url}/`, headers: {}, body: 'Action=RunInstances' }, { dispatcher, timeoutMs: 2000 });
      outcomes.push(raw.kind === 'exchange' ? decode(raw) : raw);
    }
    expect(outcomes.map((o) => (o.kind === 'ec2-error' ? o.code : o.kind))).toEqual(['transport-failure', 'Unavailable', 'ok']);
    expect(server.received() - before).toBe(3);
  });

  it('clear() drops the rest of a plan', async () => {
    schedule.load([{ kind: 'refuse' }, { kind: 'refuse' }]);
    schedule.clear();
    expect(schedule.next()).toEqual({ kind: 'pass' });
  });

  it.each<[FaultStep, string]>([
    [{ kind: 'timeout', afterMs: 30 }, 'timeout after 30 ms'],
    [{ kind: 'delay', ms: 40 }, 'delay 40 ms'],
    [{ kind: 'drop-response' }, 'drop-response'],
  ])('describeStep(%o) = %s', (step, label) => {
    expect(describeStep(step)).toBe(label);
  });
});

describe('faultInterceptor without a recorder', () => {
  it('refuses without a transcript sink', async () => {
    const plain = new FaultSchedule();
    const bare = createDispatcher({ interceptors: [faultInterceptor(plain)] });
    try {
      plain.load([{ kind: 'refuse' }]);
      const refused = await send({ method: 'GET', url: `${server.url}/`, headers: {}, body: undefined }, { dispatcher: bare, timeoutMs: 2000 });
      expect(refused).toMatchObject({ kind: 'transport-failure', code: 'ECONNREFUSED' });
    } finally {
      await bare.close();
    }
  });
});
