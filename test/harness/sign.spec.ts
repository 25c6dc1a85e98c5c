import { describe, expect, it } from 'vitest';
import { encode } from '../../harness/encode.ts';
import { sign } from '../../harness/sign.ts';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const signingDate = new Date('2026-01-02T03:04:05Z');

describe('sign', () => {
  it('matches a hand-checked EC2 vector (DescribeRegions, us-west-2, no payload-hash header)', async () => {
    // Vector checked against an independent node:crypto SigV4 implementation (shared/notes/dependencies.md §2c).
    const signed = await sign({
      request: encode({ action: 'DescribeRegions', params: {} }),
      endpoint: new URL('https://ec2.us-west-2.amazonaws.com/'),
      region: 'us-west-2',
      credentials,
      signingDate,
      payloadHashHeader: false,
    });
    expect(signed.headers['x-amz-date']).toBe('20260102T030405Z');
    expect(signed.headers['authorization']).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/us-west-2/ec2/aws4_request, SignedHeaders=content-type;host;x-amz-date, ' +
        'Signature=2ef2cd2d58d55fb69bbeee1ffcbab70445db8029cf0bdc34f3343bcb919d2219',
    );
    expect(signed.body).toBe('Action=DescribeRegions&Version=2016-11-15');
  });

  it('signs the payload hash and the session token like the SDK, with the region in the scope', async () => {
    const signed = await sign({
      request: encode({ action: 'DescribeRegions', params: {} }),
      endpoint: new URL('http://127.0.0.1:4566/'),
      region: 'eu-west-1',
      credentials: { ...credentials, sessionToken: 'SESSION' },
      signingDate,
    });
    expect(signed.headers['authorization']).toMatch(/Credential=AKIDEXAMPLE\/20260102\/eu-west-1\/ec2\/aws4_request/);
    expect(signed.headers['authorization']).toMatch(/SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token/);
    expect(signed.headers['x-amz-security-token']).toBe('SESSION');
    expect(signed.headers['host']).toBe('127.0.0.1:4566');
  });

  it('puts GET parameters in the URL, signs no body, and re-signs differently at another time', async () => {
    const request = encode({ action: 'DescribeInstances', params: { Filter: [{ Name: 'client-token', Value: ['a b'] }] } }, { method: 'GET' });
    const input = { request, endpoint: new URL('http://127.0.0.1:4566/'), region: 'us-east-1', credentials, signingDate };
    const first = await sign(input);
    expect(first.url).toBe('http://127.0.0.1:4566/?Action=DescribeInstances&Version=2016-11-15&Filter.1.Name=client-token&Filter.1.Value.1=a%20b');
    expect(first.body).toBeUndefined();
    expect(first.headers['content-type']).toBeUndefined();
    const later = await sign({ ...input, signingDate: new Date(signingDate.getTime() + 1000) });
    expect(later.headers['authorization']).not.toBe(first.headers['authorization']);
  });
});
