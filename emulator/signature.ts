// SigV4 verification by re-signing with @smithy/signature-v4: rebuild the request from exactly
// what the client signed, sign it with the known secret at the client's own date, and compare.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { ParsedRequest } from './request.ts';

/** The SigV4 values a request carries, from the Authorization header or the query string. */
export interface SignedAuth {
  kind: 'header' | 'query';
  accessKeyId: string;
  region: string;
  service: string;
  /** Lower-cased names, as listed by the client. */
  signedHeaders: readonly string[];
  signature: string;
  /** `YYYYMMDDTHHMMSSZ` */
  amzDate: string;
  signingDate: Date;
  /** Query auth only: X-Amz-Expires in seconds. */
  expiresIn?: number;
}

const SHA256_HEADER = 'x-amz-content-sha256';
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const sha256 = Hash.bind(null, 'sha256');

function signerFor(auth: SignedAuth, secretAccessKey: string): SignatureV4 {
  return new SignatureV4({
    credentials: { accessKeyId: auth.accessKeyId, secretAccessKey },
    region: auth.region,
    service: auth.service,
    sha256,
    // The signer adds and signs a payload-hash header when asked; ask only if the client did.
    applyChecksum: auth.signedHeaders.includes(SHA256_HEADER),
  });
}

// Only the headers the client signed: anything else a proxy or the HTTP stack added must not count.
function rebuild(request: ParsedRequest, auth: SignedAuth, extraHeaders: Record<string, string> = {}): HttpRequest {
  const headers: Record<string, string> = { ...extraHeaders };
  for (const name of auth.signedHeaders) {
    const value = request.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  const [hostname = '', port] = (request.headers.host ?? '').split(':');
  const query = Object.fromEntries(request.queryParams.filter(([name]) => name !== 'X-Amz-Signature'));
  return new HttpRequest({
    method: request.method,
    protocol: 'http:',
    hostname,
    port: port === undefined ? undefined : Number(port),
    path: request.path,
    query,
    headers,
    body: request.method === 'POST' ? request.body : undefined,
  });
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function signatureFromAuthorization(header: string | undefined): string {
  return /Signature=([0-9a-f]+)/.exec(header ?? '')?.[1] ?? '';
}

// The signer trusts a payload-hash header instead of hashing the body, so check the header itself.
function payloadHashHolds(request: ParsedRequest, auth: SignedAuth): boolean {
  if (!auth.signedHeaders.includes(SHA256_HEADER)) return true;
  const claimed = request.headers[SHA256_HEADER] ?? '';
  return claimed === createHash('sha256').update(request.body).digest('hex');
}

async function headerSignature(request: ParsedRequest, auth: SignedAuth, secret: string): Promise<string> {
  const signed = await signerFor(auth, secret).sign(rebuild(request, auth), {
    signingDate: auth.signingDate,
    signableHeaders: new Set(auth.signedHeaders),
    signingRegion: auth.region,
    signingService: auth.service,
  });
  return signatureFromAuthorization(signed.headers.authorization);
}

// Presigned requests hash the (empty) payload with smithy but with UNSIGNED-PAYLOAD with botocore;
// both are accepted. The marker header is passed unsigned and unhoisted so only its value counts.
async function querySignatures(request: ParsedRequest, auth: SignedAuth, secret: string): Promise<string[]> {
  const signer = signerFor(auth, secret);
  const options = {
    signingDate: auth.signingDate,
    expiresIn: auth.expiresIn,
    signableHeaders: new Set(auth.signedHeaders),
    signingRegion: auth.region,
    signingService: auth.service,
  };
  const hashed = await signer.presign(rebuild(request, auth), options);
  const unsigned = await signer.presign(rebuild(request, auth, { [SHA256_HEADER]: UNSIGNED_PAYLOAD }), {
    ...options,
    unsignableHeaders: new Set([SHA256_HEADER]),
    unhoistableHeaders: new Set([SHA256_HEADER]),
  });
  return [hashed, unsigned].map((presigned) => String(presigned.query?.['X-Amz-Signature'] ?? ''));
}

/** True when `secret` produces the signature the request carries. */
export async function signatureMatches(request: ParsedRequest, auth: SignedAuth, secret: string): Promise<boolean> {
  if (auth.kind === 'header') {
    return payloadHashHolds(request, auth) && sameSignature(await headerSignature(request, auth, secret), auth.signature);
  }
  const candidates = await querySignatures(request, auth, secret);
  return candidates.some((candidate) => sameSignature(candidate, auth.signature));
}
