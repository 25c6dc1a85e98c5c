// Signs raw requests with @smithy/signature-v4, for tests that send through undici.
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { KNOWN_KEY } from './running.ts';

export interface SignedRaw {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

function signer(applyChecksum: boolean, secretAccessKey = KNOWN_KEY.secretAccessKey): SignatureV4 {
  return new SignatureV4({
    service: 'ec2',
    region: 'us-east-1',
    sha256: Hash.bind(null, 'sha256'),
    applyChecksum,
    credentials: { accessKeyId: KNOWN_KEY.accessKeyId, secretAccessKey },
  });
}

function pathWithQuery(query: Record<string, string | string[] | null>): string {
  const entries = Object.entries(query).flatMap(([name, value]) => (Array.isArray(value) ? value.map((v) => [name, v]) : [[name, value ?? '']]));
  return `/?${new URLSearchParams(entries).toString()}`;
}

export async function signedPost(url: string, body: string, options: { applyChecksum?: boolean; signingDate?: Date } = {}): Promise<SignedRaw> {
  const { host } = new URL(url);
  const request = new HttpRequest({
    method: 'POST',
    protocol: 'http:',
    hostname: host.split(':')[0],
    path: '/',
    headers: { host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  });
  const signed = await signer(options.applyChecksum ?? true).sign(request, { signingDate: options.signingDate });
  return { method: 'POST', path: '/', headers: signed.headers as Record<string, string>, body };
}

/** A presigned GET: every parameter, and the signature, in the query string. */
export async function presignedGet(url: string, params: Record<string, string>, expiresIn = 300): Promise<SignedRaw> {
  const { host } = new URL(url);
  const request = new HttpRequest({ method: 'GET', protocol: 'http:', hostname: host.split(':')[0], path: '/', headers: { host }, query: params });
  const presigned = await signer(false).presign(request, { expiresIn });
  return { method: 'GET', path: pathWithQuery(presigned.query ?? {}), headers: { host }, body: undefined };
}
