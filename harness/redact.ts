/**
 * Secrets never reach a transcript, report or log: the access key id, the signature and the
 * session token are replaced wherever a request carries them (headers or query-string auth).
 */
export const REDACTED = '<redacted>';

const SECRET_HEADERS = new Set(['x-amz-security-token']);
const SECRET_QUERY_PARAMS = new Set(['X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Security-Token']);

/** `AWS4-HMAC-SHA256 Credential=AKID/…` keeps the scope (date/region/service) and drops key and signature. */
export function redactAuthorization(value: string): string {
  return value
    .replace(/Credential=[^/,\s]+/, `Credential=${REDACTED}`)
    .replace(/Signature=[0-9a-fA-F]+/, `Signature=${REDACTED}`);
}

export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'authorization') result[name] = redactAuthorization(value);
    else result[name] = SECRET_HEADERS.has(lower) ? REDACTED : value;
  }
  return result;
}

/** Redacts query-string auth in a URL path or a form body. */
export function redactQuery(query: string): string {
  return query.replace(/(^|[?&])(X-Amz-[A-Za-z-]+)=([^&]*)/g, (whole, lead: string, name: string) =>
    SECRET_QUERY_PARAMS.has(name) ? `${lead}${name}=${REDACTED}` : whole,
  );
}

/** Last line of defence for free text (error messages, bodies): removes known secret values. */
export function scrub(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 4) result = result.split(secret).join(REDACTED);
  }
  return result;
}
