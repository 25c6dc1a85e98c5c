import { Agent, request, type Dispatcher } from 'undici';
import { encode, type Call } from '../harness/encode.ts';
import { sign, type Credentials, type SignedRequest } from '../harness/sign.ts';

/** Pre-signs `count` calls (signing is not what this measures) for one endpoint and region. */
export async function presign(endpoint: string, credentials: Credentials, calls: readonly Call[]): Promise<SignedRequest[]> {
  const url = new URL(endpoint);
  const now = new Date();
  return Promise.all(calls.map((call) => sign({ request: encode(call), endpoint: url, region: 'us-east-1', credentials, signingDate: now })));
}

export interface LoadResult {
  readonly requests: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly errors: number;
}

/** Sends the requests over `connections` keep-alive connections, that many in flight at once. */
export async function drive(requests: readonly SignedRequest[], connections: number): Promise<LoadResult> {
  const dispatcher: Dispatcher = new Agent({ connections, pipelining: 1, keepAliveTimeout: 10_000 });
  let next = 0;
  let errors = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    for (let i = next++; i < requests.length; i = next++) {
      const signed = requests[i]!;
      const response = await request(signed.url, { method: signed.method, headers: signed.headers, body: signed.body, dispatcher });
      await response.body.text();
      if (response.statusCode !== 200) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await dispatcher.close();
  return { requests: requests.length, seconds, perSecond: requests.length / seconds, errors };
}
