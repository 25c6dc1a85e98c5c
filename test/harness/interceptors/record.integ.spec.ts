import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import type { FaultStep } from '../../../generators/faultPlan.ts';
import { send } from '../../../harness/send.ts';
import { Transcript, type AttemptRecord } from '../../../harness/transcript.ts';
import { ANSWER_XML, SLOW_MS } from '../support/countingServer.ts';
import { faultyClient } from '../support/faultyClient.ts';

const { server, schedule, sink, dispatcher } = await faultyClient();

const ACCESS_KEY = 'AKIDRECORDTEST0001';
const SIGNATURE = '0123456789abcdef0123456789abcdef';
const BODY = 'Action=RunInstances&ClientToken=tok';

/** Sends one attempt under `step` into a fresh transcript and returns that transcript's records. */
async function recorded(step: FaultStep, path = '/'): Promise<AttemptRecord[]> {
  const transcript = new Transcript();
  sink.current = transcript;
  schedule.load([step]);
  await send(
    {
      method: 'POST',
      url: `${server.url}${path}`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=${SIGNATURE}`,
      },
      body: BODY,
    },
    { dispatcher, timeoutMs: 2000 },
  );
  return transcript.attempts;
}

const REAL_ANSWER = { status: 200, body: ANSWER_XML };

describe('recordInterceptor under faults', () => {
  it('pass: one record with the answer and no fault label', async () => {
    const [record, ...rest] = await recorded({ kind: 'pass' });
    expect(rest).toEqual([]);
    expect(record).toMatchObject({ request: { method: 'POST', url: `${server.url}/`, body: BODY }, response: REAL_ANSWER });
    expect(record?.fault).toBeUndefined();
    expect(record?.failure).toBeUndefined();
    expect(Number.isNaN(Date.parse(record?.startedAt ?? ''))).toBe(false);
  });

  it.each<[FaultStep, string]>([
    [{ kind: 'replace-500' }, 'replace-500'],
    [{ kind: 'replace-503' }, 'replace-503'],
    [{ kind: 'replace-throttle' }, 'replace-throttle'],
    [{ kind: 'drop-response' }, 'drop-response'],
    [{ kind: 'reset-mid-body' }, 'reset-mid-body'],
    [{ kind: 'timeout', afterMs: 30 }, 'timeout after 30 ms'],
    [{ kind: 'delay', ms: 5 }, 'delay 5 ms'],
  ])('%o is labelled "%s" and keeps what the endpoint really answered', async (step, label) => {
    const records = await recorded(step);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ fault: label, response: REAL_ANSWER });
  });

  it('refuse is recorded by the fault interceptor with ECONNREFUSED and no answer', async () => {
    const records = await recorded({ kind: 'refuse' });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ fault: 'refuse', failure: { code: 'ECONNREFUSED' }, durationMs: 0, request: { method: 'POST', body: BODY } });
    expect(records[0]?.response).toBeUndefined();
  });

  it('never keeps the access key or the signature', async () => {
    const records = [...(await recorded({ kind: 'pass' })), ...(await recorded({ kind: 'refuse' })), ...(await recorded({ kind: 'drop-response' }))];
    expect(records).toHaveLength(3);
    const json = JSON.stringify(records);
    expect(json).not.toContain(ACCESS_KEY);
    expect(json).not.toContain(SIGNATURE);
    expect(records[0]?.request.headers.authorization).toBe('AWS4-HMAC-SHA256 Credential=<redacted>/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=<redacted>');
  });

  // The attempt goes through the recorder (a timeout, not a refuse, which never reaches it) and
  // its answer lands after a transcript became current: that transcript must stay empty.
  it('records nothing while no transcript is current, even when the answer lands after one is', async () => {
    sink.current = undefined;
    schedule.load([{ kind: 'timeout', afterMs: 30 }]);
    const before = server.received();
    const outcome = await send({ method: 'POST', url: `${server.url}/slow`, headers: {}, body: BODY }, { dispatcher, timeoutMs: 2000 });
    expect(outcome).toMatchObject({ kind: 'transport-failure' });
    expect(server.received()).toBe(before + 1);
    const later = new Transcript();
    sink.current = later;
    // Nothing records this answer, so there is no event to wait on: wait past the server's delay.
    await sleep(SLOW_MS + 100);
    expect(later.attempts).toEqual([]);
  });

  // Regression (found by these tests, fixed in the product): the recorder files an attempt when its
  // answer ends, which under `timeout` is after the client gave up and the next case has begun.
  it('a late answer is filed in the transcript of the case that sent it, not the next one', async () => {
    const own = new Transcript();
    sink.current = own;
    schedule.load([{ kind: 'timeout', afterMs: 30 }]);
    const outcome = await send({ method: 'POST', url: `${server.url}/slow`, headers: {}, body: BODY }, { dispatcher, timeoutMs: 2000 });
    // The client gave up before the endpoint answered: otherwise this would not test a late answer.
    expect(outcome).toMatchObject({ kind: 'transport-failure' });
    expect(own.attempts).toEqual([]);

    const next = new Transcript();
    sink.current = next;
    // Wait for the answer to be filed somewhere (in either transcript), then look at both.
    await vi.waitFor(() => expect(own.attempts.length + next.attempts.length).toBeGreaterThan(0), { timeout: SLOW_MS * 10, interval: 10 });
    // Give a misfiled duplicate the chance to show up too.
    await sleep(50);

    expect(next.attempts).toEqual([]);
    expect(own.attempts).toHaveLength(1);
    expect(own.attempts[0]).toMatchObject({ fault: 'timeout after 30 ms', request: { method: 'POST', url: `${server.url}/slow`, body: BODY }, response: REAL_ANSWER });
    expect(own.attempts[0]?.failure).toBeUndefined();
  });
});
