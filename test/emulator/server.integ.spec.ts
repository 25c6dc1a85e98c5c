// The HTTP surface: signatures over real sockets, GET/POST equivalence, hostile input, crashes.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createEmulatorHandler } from '../../emulator/server.ts';
import { formBody, parseAnswer } from './support/inProcess.ts';
import type { Answer } from './support/inProcess.ts';
import { emulatorForTest } from './support/running.ts';
import { presignedGet, signedPost } from './support/sign.ts';
import type { SignedRaw } from './support/sign.ts';

function agentForTest(): Agent {
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  onTestFinished(() => agent.close());
  return agent;
}

async function send(url: string, raw: Omit<Partial<SignedRaw>, 'body'> & { body?: string | Buffer }, dispatcher = agentForTest()): Promise<Answer> {
  const response = await request(`${url}${raw.path ?? '/'}`, {
    method: raw.method ?? 'POST',
    headers: raw.headers ?? { 'content-type': 'application/x-www-form-urlencoded' },
    body: raw.body,
    dispatcher,
  });
  const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, String(value)]));
  return parseAnswer(response.statusCode, headers, await response.body.text());
}

const DESCRIBE_REGIONS = formBody({ Action: 'DescribeRegions', Version: '2016-11-15' });

describe('emulator over HTTP', () => {
  it.each([true, false])('verifies a SigV4 POST and refuses it once one body byte changes (payload hash header: %s)', async (applyChecksum) => {
    const emulator = await emulatorForTest({ strictAuth: true });
    const signed = await signedPost(emulator.url, DESCRIBE_REGIONS, { applyChecksum });
    expect((await send(emulator.url, signed)).status).toBe(200);
    const tampered = { ...signed, body: signed.body!.replace('DescribeRegions', 'DescribeRegionz') };
    const refused = await send(emulator.url, tampered);
    expect([refused.status, refused.code]).toEqual([401, 'AuthFailure']);
    expect(refused.body.Errors.Error.Message).toBe('AWS was not able to validate the provided access credentials');
  });

  it('verifies presigned query authentication and keeps X-Amz-* out of the call', async () => {
    const emulator = await emulatorForTest({ strictAuth: true });
    const params = { Action: 'RunInstances', Version: '2016-11-15', ImageId: 'ami-12345678', MinCount: '1', MaxCount: '1', ClientToken: 'q' };
    const viaGet = await send(emulator.url, await presignedGet(emulator.url, params));
    expect(viaGet.status).toBe(200);
    const viaPost = await send(emulator.url, await signedPost(emulator.url, formBody(params)));
    expect(viaPost.body.reservationId).toBe(viaGet.body.reservationId);
    const presigned = await presignedGet(emulator.url, params);
    const tampered = await send(emulator.url, { ...presigned, path: presigned.path.replace('MaxCount=1', 'MaxCount=2') });
    expect(tampered.code).toBe('AuthFailure');
  });

  it('refuses a request signed more than 15 minutes away from the emulator clock', async () => {
    const emulator = await emulatorForTest();
    const signed = await signedPost(emulator.url, DESCRIBE_REGIONS, { signingDate: new Date(Date.now() - 16 * 60_000) });
    const answer = await send(emulator.url, signed);
    expect([answer.status, answer.code]).toEqual([400, 'RequestExpired']);
  });

  it('refuses unsigned requests and unknown keys in strict mode, with 401 AuthFailure', async () => {
    const emulator = await emulatorForTest({ strictAuth: true });
    expect((await send(emulator.url, { body: DESCRIBE_REGIONS })).code).toBe('AuthFailure');
    const unknown = await send(emulator.url, {
      body: DESCRIBE_REGIONS,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-amz-date': '20261128T084906Z',
        authorization: `AWS4-HMAC-SHA256 Credential=AKIDUNKNOWN/20261128/us-east-1/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
      },
    });
    expect([unknown.status, unknown.code]).toEqual([401, 'AuthFailure']);
  });

  it('answers a GET exactly as the POST of the same parameters', async () => {
    const emulator = await emulatorForTest();
    const post = await send(emulator.url, { body: DESCRIBE_REGIONS });
    const get = await send(emulator.url, { method: 'GET', path: `/?${DESCRIBE_REGIONS}`, headers: {} });
    const { requestId: a, ...postBody } = post.body;
    const { requestId: b, ...getBody } = get.body;
    expect(getBody).toEqual(postBody);
    expect(a).not.toBe(b);
  });

  it('answers every response with a request id header and the EC2 content type', async () => {
    const emulator = await emulatorForTest();
    for (const body of [DESCRIBE_REGIONS, 'Action=Nope', '']) {
      const answer = await send(emulator.url, { body });
      expect(answer.headers['content-type']).toBe('text/xml;charset=UTF-8');
      expect(answer.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer.body.requestId ?? answer.body.RequestID).toBe(answer.headers['x-amzn-requestid']);
    }
  });

  it.each([
    ['an empty body', '', 'MissingAction'],
    ['an unknown action', 'Action=LaunchRockets', 'InvalidAction'],
    ['JSON', '{"Action":"RunInstances"}', 'MissingAction'],
    ['bad percent-encoding', 'Action=Describe%ZZRegions', 'InvalidRequest'],
    ['invalid UTF-8', Buffer.from([0x41, 0x3d, 0xff, 0xfe]), 'InvalidRequest'],
    ['a repeated parameter', 'Action=DescribeRegions&Action=DescribeRegions', 'InvalidRequest'],
  ])('answers %s with 400 and keeps serving', async (_, body, code) => {
    const emulator = await emulatorForTest();
    const agent = agentForTest();
    const answer = await send(emulator.url, { body }, agent);
    expect([answer.status, answer.code]).toEqual([400, code]);
    expect((await send(emulator.url, { body: DESCRIBE_REGIONS }, agent)).status).toBe(200);
  });

  it('refuses a non-form content type and a body over 1 MiB, and keeps serving', async () => {
    const emulator = await emulatorForTest();
    const xml = await send(emulator.url, { body: '<x/>', headers: { 'content-type': 'application/xml' } });
    expect([xml.status, xml.code]).toEqual([400, 'InvalidRequest']);
    const huge = await send(emulator.url, { body: `Action=DescribeRegions&Pad=${'x'.repeat(1024 * 1024)}` });
    expect([huge.status, huge.code]).toEqual([413, 'RequestEntityTooLarge']);
    expect((await send(emulator.url, { body: DESCRIBE_REGIONS })).status).toBe(200);
  });

  it('answers 500 InternalError when a handler throws, and keeps serving', async () => {
    const handler = createEmulatorHandler({}, { Explode: () => { throw new Error('boom'); } });
    const server = createServer(handler.listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const agent = agentForTest();
    const exploded = await send(url, { body: 'Action=Explode' }, agent);
    expect([exploded.status, exploded.code]).toEqual([500, 'InternalError']);
    expect(exploded.xml).not.toContain('boom');
    expect((await send(url, { body: DESCRIBE_REGIONS }, agent)).status).toBe(200);
    expect(handler.stats().internalErrors).toBe(1);
    server.closeIdleConnections();
  });

  it('closes promptly even with an idle keep-alive connection open', async () => {
    const emulator = await emulatorForTest();
    const agent = agentForTest();
    await send(emulator.url, { body: DESCRIBE_REGIONS }, agent);
    await emulator.close();
  });
});
