import type { AttemptRecord } from '../harness/transcript.ts';
import { prettyBody } from './prettyBody.ts';
import { visible } from './visible.ts';

/** How much of a transcript the human-facing writers (JUnit, Markdown) show. */
export interface TranscriptTextOptions {
  /**
   * Longest request or response body shown, in characters; the rest is cut with a note.
   * report.json always keeps the whole body, so this only protects CI pages (GitHub step
   * summaries stop at 1 MiB) from a long transcript.
   * @defaultValue 4096
   */
  readonly maxBodyChars?: number;
}

const DEFAULT_MAX_BODY_CHARS = 4096;
const BODY_INDENT = '  ';

/**
 * The one rendering of a transcript for people, shared by junit.ts and markdown.ts. Plain text,
 * one attempt per paragraph: `→ METHOD url`, the form body one `Key=Value` per line, an injected
 * fault, `← status` with the body laid out, or `✗ code: message` when no answer reached the client.
 */
export function transcriptText(attempts: readonly AttemptRecord[], options: TranscriptTextOptions = {}): string {
  const maxBodyChars = options.maxBodyChars ?? DEFAULT_MAX_BODY_CHARS;
  const origin = attempts[0] === undefined ? Number.NaN : Date.parse(attempts[0].startedAt);
  return attempts
    .map((attempt, index) => attemptLines(attempt, index, attempts.length, origin, maxBodyChars).join('\n'))
    .join('\n\n');
}

function attemptLines(attempt: AttemptRecord, index: number, count: number, origin: number, maxBodyChars: number): string[] {
  const lines = [`attempt ${index + 1} of ${count}${timing(attempt, origin)}`];
  lines.push(`→ ${attempt.request.method} ${visible(attempt.request.url)}`);
  if (attempt.request.body !== undefined) lines.push(...indent(requestBody(attempt.request.body, maxBodyChars)));
  if (attempt.fault !== undefined) lines.push(`⚡ injected fault: ${visible(attempt.fault)}`);
  if (attempt.response !== undefined) {
    lines.push(`← ${attempt.response.status}`);
    lines.push(...indent(visible(prettyBody(cut(attempt.response.body, maxBodyChars)))));
  }
  // A response and a failure can both be present: the endpoint answered, then a fault hid it.
  if (attempt.failure !== undefined) lines.push(`✗ ${visible(attempt.failure.code)}: ${visible(attempt.failure.message)}`);
  return lines;
}

/** Offsets from the first attempt show retries and backoff at a glance; wall-clock times would not. */
function timing(attempt: AttemptRecord, origin: number): string {
  const offset = Date.parse(attempt.startedAt) - origin;
  const at = Number.isFinite(offset) ? `, at +${Math.round(offset)} ms` : '';
  return `${at}, took ${Math.round(attempt.durationMs)} ms`;
}

/** EC2 Query bodies are form-encoded; decoded one pair per line, a changed parameter stands out (also report.html's). */
export function requestBody(body: string, maxBodyChars: number): string {
  if (!isFormEncoded(body)) return visible(cut(body, maxBodyChars));
  const pairs = [...new URLSearchParams(body)].map(([key, value]) => `${quoteIfHidden(key)}=${quoteIfHidden(value)}`);
  return cut(pairs.join('\n'), maxBodyChars);
}

function isFormEncoded(body: string): boolean {
  return body !== '' && !/\s/.test(body) && body.split('&').every((pair) => pair.includes('='));
}

/** A decoded value holding a newline or control character would break the one-pair-per-line layout. */
function quoteIfHidden(text: string): string {
  return /[\u0000-\u001f\u007f]/.test(text) ? JSON.stringify(text) : text;
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length - max} more characters in report.json)`;
}

function indent(text: string): string[] {
  return text.split('\n').map((line) => BODY_INDENT + line);
}
