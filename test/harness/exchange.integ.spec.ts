import { afterAll, describe, expect, it } from 'vitest';
import { Session } from '../../harness/exchange.ts';
import { resolveTarget } from '../../harness/target.ts';
import { ACCESS_KEY_ID, IMAGE_ID, SECRET_ACCESS_KEY, startReferenceEmulator } from './support/referenceEmulator.ts';

const { emulator, target } = await startReferenceEmulator();
afterAll(() => emulator.close());
const session = new Session(target);
afterAll(() => session.close());

const describeRegions = { action: 'DescribeRegions', params: {} };

describe('Session against the reference emulator', () => {
  it('encodes, signs, sends and decodes one call; counts it; records it without secrets', async () => {
    const transcript = session.beginTranscript();
    const sentBefore = session.requestsSent;
    const requestsBefore = emulator.stats().requests;
    const outcome = await session.exchange(describeRegions);
    expect(outcome).toMatchObject({ kind: 'ok', status: 200, root: 'DescribeRegionsResponse' });
    expect(session.requestsSent - sentBefore).toBe(1);
    expect(emulator.stats().requests - requestsBefore).toBe(1);
    expect(transcript.attempts).toHaveLength(1);
    expect(transcript.attempts[0]?.request.body).toBe('Action=DescribeRegions&Version=2016-11-15');
    const json = JSON.stringify(transcript);
    expect(json).not.toContain(ACCESS_KEY_ID);
    expect(json).not.toContain(SECRET_ACCESS_KEY);
  });

  it('GET, a reordering and an unsigned payload hash are the same request to the endpoint', async () => {
    const outcome = await session.exchange(describeRegions, { encoding: { method: 'GET', order: [3, -1] }, payloadHashHeader: false });
    expect(outcome).toMatchObject({ kind: 'ok', root: 'DescribeRegionsResponse' });
  });

  it('signs for the region asked for', async () => {
    const west = target.regions[1];
    expect(west?.name).toBe('us-west-2');
    const signed = await session.prepare(describeRegions, { region: west });
    expect(signed.headers.authorization).toMatch(/Credential=AKIDTEST\/\d{8}\/us-west-2\/ec2\/aws4_request/);
    expect(signed.url).toBe(`${emulator.url}/`);
    expect(await session.sendPrepared(signed, describeRegions.action)).toMatchObject({ kind: 'ok' });
  });

  it('the session fault schedule applies to its attempts', async () => {
    const before = emulator.stats().requests;
    session.faults.load([{ kind: 'refuse' }]);
    expect(await session.exchange(describeRegions)).toMatchObject({ kind: 'transport-failure', code: 'ECONNREFUSED', maybeCommitted: false });
    expect(emulator.stats().requests).toBe(before);
    expect(await session.exchange(describeRegions)).toMatchObject({ kind: 'ok' });
  });

  it('a wrong secret is refused by the endpoint as AuthFailure (strict auth)', async () => {
    const wrong = resolveTarget({ endpoint: emulator.url, regions: ['us-east-1'], imageId: IMAGE_ID, credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: 'not-the-secret' } });
    const other = new Session(wrong);
    try {
      expect(await other.exchange(describeRegions)).toMatchObject({ kind: 'ec2-error', status: 401, code: 'AuthFailure' });
    } finally {
      await other.close();
    }
  });

  it('refuses to sign as a secondary identity the target does not have', () => {
    expect(() => session.credentialsFor('secondary')).toThrow(/secondary credentials requested but the target has none/);
  });
});
