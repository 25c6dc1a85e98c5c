// Stage 3: who is calling and in which region. The region is the SigV4 credential scope's; the
// account follows LocalStack: a 12-digit access key id is the account, else the `accounts` map,
// else the default account. Signatures are verified only for keys in the `accounts` map.
import { Ec2Fault } from './errors.ts';
import type { ResolvedEmulatorOptions } from './options.ts';
import type { ParsedRequest } from './request.ts';
import { signatureMatches } from './signature.ts';
import type { SignedAuth } from './signature.ts';

export interface Identity {
  accountId: string;
  region: string;
  /** Undefined for unsigned requests (lenient mode only). */
  accessKeyId: string | undefined;
  /** Signing date and signature as received; empty when unsigned. Not secret. */
  signing: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const MAX_SKEW_MS = 15 * 60 * 1000;
const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function authFailure(message = 'AWS was not able to validate the provided access credentials'): Ec2Fault {
  return new Ec2Fault('AuthFailure', message);
}

function incompleteSignature(message: string): Ec2Fault {
  return new Ec2Fault('IncompleteSignature', message);
}

function parseAmzDate(value: string | undefined): Date {
  const parts = AMZ_DATE.exec(value ?? '');
  if (!parts) throw incompleteSignature('X-Amz-Date must be given as YYYYMMDDTHHMMSSZ');
  const [, y, mo, d, h, mi, s] = parts.map(Number) as number[];
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
}

/** `AKID/YYYYMMDD/REGION/SERVICE/aws4_request` */
function parseCredential(credential: string | undefined): Pick<SignedAuth, 'accessKeyId' | 'region' | 'service'> {
  const parts = (credential ?? '').split('/');
  const [accessKeyId, , region, service, terminator] = parts;
  if (parts.length !== 5 || !accessKeyId || !region || !service || terminator !== 'aws4_request') {
    throw incompleteSignature('Credential must have the form ACCESS_KEY_ID/YYYYMMDD/REGION/ec2/aws4_request');
  }
  return { accessKeyId, region, service };
}

function fromHeader(request: ParsedRequest, header: string): SignedAuth {
  const fields = new Map<string, string>();
  for (const piece of header.slice(ALGORITHM.length).split(',')) {
    const at = piece.indexOf('=');
    if (at > 0) fields.set(piece.slice(0, at).trim(), piece.slice(at + 1).trim());
  }
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!signedHeaders || !signature) throw incompleteSignature('Authorization header requires SignedHeaders and Signature');
  const amzDate = request.headers['x-amz-date'];
  return {
    kind: 'header',
    ...parseCredential(fields.get('Credential')),
    signedHeaders: signedHeaders.split(';'),
    signature,
    amzDate: amzDate ?? '',
    signingDate: parseAmzDate(amzDate),
  };
}

function fromQuery(params: ReadonlyMap<string, string>): SignedAuth {
  const get = (name: string): string | undefined => params.get(`X-Amz-${name}`);
  if (get('Algorithm') !== ALGORITHM) throw incompleteSignature(`X-Amz-Algorithm must be ${ALGORITHM}`);
  const signature = get('Signature');
  const signedHeaders = get('SignedHeaders');
  const expires = Number(get('Expires'));
  if (!signature || !signedHeaders) throw incompleteSignature('Query authentication requires X-Amz-SignedHeaders and X-Amz-Signature');
  if (!Number.isInteger(expires) || expires < 1 || expires > MAX_PRESIGN_SECONDS) {
    throw incompleteSignature(`X-Amz-Expires must be an integer number of seconds from 1 to ${MAX_PRESIGN_SECONDS}`);
  }
  return {
    kind: 'query',
    ...parseCredential(get('Credential')),
    signedHeaders: signedHeaders.split(';'),
    signature,
    amzDate: get('Date') ?? '',
    signingDate: parseAmzDate(get('Date')),
    expiresIn: expires,
  };
}

/** The SigV4 values of the request, or undefined when it carries none. */
function signedAuthOf(request: ParsedRequest): SignedAuth | undefined {
  const header = request.headers.authorization;
  if (header !== undefined) {
    if (!header.startsWith(`${ALGORITHM} `)) throw incompleteSignature(`Only ${ALGORITHM} (SigV4) signatures are supported`);
    return fromHeader(request, header);
  }
  return request.params.has('X-Amz-Algorithm') ? fromQuery(request.params) : undefined;
}

function checkFreshness(auth: SignedAuth, now: number): void {
  const signedAt = auth.signingDate.getTime();
  const validUntil = auth.kind === 'query' ? signedAt + (auth.expiresIn ?? 0) * 1000 : signedAt + MAX_SKEW_MS;
  if (now < signedAt - MAX_SKEW_MS || now > validUntil) {
    throw new Ec2Fault('RequestExpired', `Request has expired. Signed at ${auth.amzDate}; the server's time is ${new Date(now).toISOString()}.`);
  }
}

async function verify(request: ParsedRequest, auth: SignedAuth, secret: string, now: number): Promise<void> {
  checkFreshness(auth, now);
  if (auth.service !== 'ec2') throw authFailure(`Credential should be scoped to the service 'ec2', not '${auth.service}'`);
  if (!(await signatureMatches(request, auth, secret))) throw authFailure();
}

function accountFor(accessKeyId: string, options: ResolvedEmulatorOptions): string {
  if (/^\d{12}$/.test(accessKeyId)) return accessKeyId;
  return options.accounts[accessKeyId]?.accountId ?? options.defaultAccount;
}

/** Resolves the caller and region, verifying the signature of known keys. Throws an Ec2Fault. */
export async function authenticate(request: ParsedRequest, options: ResolvedEmulatorOptions): Promise<Identity> {
  const auth = signedAuthOf(request);
  if (auth === undefined) {
    if (options.strictAuth) throw authFailure('The request is not signed; sign it with SigV4');
    return { accountId: options.defaultAccount, region: options.regions[0]!, accessKeyId: undefined, signing: '' };
  }
  if (!options.regions.includes(auth.region)) {
    throw authFailure(`The region '${auth.region}' in the credential scope is not served here; regions served: ${options.regions.join(', ')}`);
  }
  const known = Object.hasOwn(options.accounts, auth.accessKeyId) ? options.accounts[auth.accessKeyId] : undefined;
  if (known) await verify(request, auth, known.secretAccessKey, options.clock.now());
  else if (options.strictAuth) throw authFailure();
  return {
    accountId: accountFor(auth.accessKeyId, options),
    region: auth.region,
    accessKeyId: auth.accessKeyId,
    signing: `${auth.amzDate} ${auth.signature}`,
  };
}

/** The call's own parameters: query-string authentication parameters are not part of it. */
export function withoutAuthParams(params: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...params].filter(([name]) => !name.startsWith('X-Amz-')));
}
