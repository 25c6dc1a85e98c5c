import { describe, expect, it } from 'vitest';
import { authenticate } from '../../emulator/auth.ts';
import type { Identity } from '../../emulator/auth.ts';
import { Ec2Fault } from '../../emulator/errors.ts';
import { resolveEmulatorOptions } from '../../emulator/options.ts';
import { parseRequest } from '../../emulator/request.ts';
import { claimedIdentity, formBody } from './support/inProcess.ts';
import { KNOWN_ACCOUNT, KNOWN_KEY } from './support/running.ts';
import { signedPost } from './support/sign.ts';

const options = resolveEmulatorOptions({ accounts: { [KNOWN_KEY.accessKeyId]: { accountId: KNOWN_ACCOUNT, secretAccessKey: KNOWN_KEY.secretAccessKey } } });
const BODY = formBody({ Action: 'DescribeRegions', Version: '2016-11-15' });

function raw(headers: Record<string, string>, body = BODY) {
  return parseRequest({ method: 'POST', url: '/', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: Buffer.from(body) });
}

async function outcome(promise: Promise<Identity>): Promise<Identity | { code: string; status: number; message: string }> {
  try {
    return await promise;
  } catch (error) {
    if (!(error instanceof Ec2Fault)) throw error;
    return { code: error.code, status: error.status, message: error.message };
  }
}

describe('authenticate', () => {
  it('resolves the account LocalStack-style: 12-digit key, then known keys, then the default', async () => {
    expect(await authenticate(raw(claimedIdentity('444455556666', 'us-west-2')), options)).toMatchObject({ accountId: '444455556666', region: 'us-west-2' });
    expect(await authenticate(raw(claimedIdentity('AKIDSOMEONE', 'eu-west-1')), options)).toMatchObject({ accountId: '123456789012', region: 'eu-west-1' });
    const signed = await signedPost('http://127.0.0.1:1', BODY);
    expect(await authenticate(raw(signed.headers), options)).toMatchObject({ accountId: KNOWN_ACCOUNT, region: 'us-east-1', accessKeyId: KNOWN_KEY.accessKeyId });
  });

  it('puts unsigned requests in the default account and first region, unless strict', async () => {
    expect(await authenticate(raw({}), options)).toMatchObject({ accountId: '123456789012', region: 'us-east-1', accessKeyId: undefined });
    expect(await outcome(authenticate(raw({}), { ...options, strictAuth: true }))).toMatchObject({ code: 'AuthFailure', status: 401 });
  });

  it('refuses a region it does not serve, naming it and the regions served', async () => {
    const refused = await outcome(authenticate(raw(claimedIdentity('AKIDANY', 'ap-south-1')), options));
    expect(refused).toMatchObject({ code: 'AuthFailure', status: 401 });
    expect((refused as { message: string }).message).toContain("'ap-south-1'");
    expect((refused as { message: string }).message).toContain('us-east-1, us-west-2, eu-west-1');
  });

  it.each([
    ['a SigV2 header', { authorization: 'AWS AKID:abc' }],
    ['a header without a signature', { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20261128/us-east-1/ec2/aws4_request', 'x-amz-date': '20261128T084906Z' }],
    ['a malformed credential scope', { ...claimedIdentity('AKID', 'us-east-1'), authorization: 'AWS4-HMAC-SHA256 Credential=AKID/us-east-1, SignedHeaders=host, Signature=00' }],
    ['a missing X-Amz-Date', { authorization: claimedIdentity('AKID', 'us-east-1').authorization! }],
  ])('refuses %s with 400 IncompleteSignature', async (_, headers) => {
    expect(await outcome(authenticate(raw(headers as Record<string, string>), options))).toMatchObject({ code: 'IncompleteSignature', status: 400 });
  });

  it('verifies known keys against the clock and the signature, and never echoes the secret', async () => {
    const signed = await signedPost('http://127.0.0.1:1', BODY);
    const late = { ...options, clock: { now: () => Date.now() + 20 * 60_000 } };
    expect(await outcome(authenticate(raw(signed.headers), late))).toMatchObject({ code: 'RequestExpired', status: 400 });
    const wrongSecret = resolveEmulatorOptions({ accounts: { [KNOWN_KEY.accessKeyId]: { accountId: KNOWN_ACCOUNT, secretAccessKey: 'other' } } });
    const refused = await outcome(authenticate(raw(signed.headers), wrongSecret));
    expect(refused).toMatchObject({ code: 'AuthFailure', status: 401 });
    expect(JSON.stringify(refused)).not.toContain('other');
    const reordered = raw(signed.headers, formBody({ Version: '2016-11-15', Action: 'DescribeRegions' }));
    expect(await outcome(authenticate(reordered, options))).toMatchObject({ code: 'AuthFailure' });
  });
});
