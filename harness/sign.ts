import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { EncodedRequest } from './encode.ts';

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** A request ready for the wire: one per attempt, because every attempt is signed anew. */
export interface SignedRequest {
  readonly method: 'POST' | 'GET';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

export interface SignInput {
  readonly request: EncodedRequest;
  readonly endpoint: URL;
  /** The SigV4 scope region: the one region the request is meant for. */
  readonly region: string;
  readonly credentials: Credentials;
  readonly signingDate: Date;
  /** Sign and send `x-amz-content-sha256`, as the AWS SDKs do. @defaultValue true */
  readonly payloadHashHeader?: boolean;
}

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded; charset=utf-8';
const sha256 = Hash.bind(null, 'sha256');

/** SigV4 with service `ec2`; the region comes with each request, so one endpoint can serve many. */
export async function sign(input: SignInput): Promise<SignedRequest> {
  const { request, endpoint, region, credentials, signingDate } = input;
  const applyChecksum = input.payloadHashHeader ?? true;
  const signer = new SignatureV4({ service: 'ec2', region, credentials, sha256, applyChecksum });
  const isGet = request.method === 'GET';
  const query = isGet ? Object.fromEntries(request.pairs) : {};
  const headers: Record<string, string> = { host: endpoint.host };
  if (!isGet) headers['content-type'] = FORM_CONTENT_TYPE;
  const signed = await signer.sign(
    new HttpRequest({
      method: request.method,
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      port: endpoint.port ? Number(endpoint.port) : undefined,
      path: endpoint.pathname,
      query,
      headers,
      body: isGet ? undefined : request.payload,
    }),
    { signingDate },
  );
  const url = new URL(endpoint.href);
  if (isGet) url.search = request.payload;
  return {
    method: request.method,
    url: url.href,
    headers: signed.headers as Record<string, string>,
    body: isGet ? undefined : request.payload,
  };
}
