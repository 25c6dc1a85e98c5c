import type { AttemptRecord } from '../../harness/transcript.ts';
import { visible } from '../visible.ts';

/** How an attempt ended, for a colour: an answer by its status class, or no answer at all. */
export type AttemptOutcome = 'ok' | 'client-error' | 'server-error' | 'no-answer';

/** What the transcript and the timeline say about one attempt, in a few words each. */
export interface AttemptSummary {
  /** The EC2 action called (`Action=` in the body or the query), or the method when there is none. */
  readonly action: string;
  readonly outcome: AttemptOutcome;
  /** `200`, `400 InvalidParameterValue`, `✗ ECONNREFUSED`: what came back, or what the client saw instead. */
  readonly result: string;
  /** The fault the suite injected into this attempt, if any. */
  readonly fault?: string;
  /** Start, in ms after the first attempt's start (NaN when a time cannot be read). */
  readonly offsetMs: number;
}

export function summarise(attempt: AttemptRecord, originMs: number): AttemptSummary {
  const status = attempt.response?.status;
  const code = attempt.response === undefined ? undefined : errorCode(attempt.response.body);
  const answered = status === undefined ? undefined : `${status}${code === undefined ? '' : ` ${code}`}`;
  // The client saw a failure even when an answer arrived (a fault hid it): say both.
  const result = attempt.failure === undefined ? (answered ?? 'no answer') : `${answered === undefined ? '' : `${answered}, then `}✗ ${visible(attempt.failure.code)}`;
  return {
    action: actionOf(attempt),
    outcome: outcomeOf(attempt),
    result,
    ...(attempt.fault === undefined ? {} : { fault: visible(attempt.fault) }),
    offsetMs: Date.parse(attempt.startedAt) - originMs,
  };
}

/** The earliest start among the attempts (they are recorded in the order they finished). */
export function originOf(attempts: readonly AttemptRecord[]): number {
  const starts = attempts.map((a) => Date.parse(a.startedAt)).filter(Number.isFinite);
  return starts.length === 0 ? Number.NaN : Math.min(...starts);
}

function outcomeOf(attempt: AttemptRecord): AttemptOutcome {
  if (attempt.failure !== undefined || attempt.response === undefined) return 'no-answer';
  const status = attempt.response.status;
  if (status >= 200 && status < 300) return 'ok';
  return status >= 400 && status < 500 ? 'client-error' : 'server-error';
}

function actionOf(attempt: AttemptRecord): string {
  const fromBody = attempt.request.body === undefined ? undefined : safeParams(attempt.request.body).get('Action');
  const query = attempt.request.url.indexOf('?');
  const fromUrl = query < 0 ? undefined : safeParams(attempt.request.url.slice(query + 1)).get('Action');
  return visible(fromBody ?? fromUrl ?? attempt.request.method);
}

function safeParams(text: string): URLSearchParams {
  try {
    return new URLSearchParams(text);
  } catch {
    return new URLSearchParams();
  }
}

/** The first EC2 error code in an answer, so a 400 reads as what it was. */
function errorCode(body: string): string | undefined {
  const code = /<Code>([^<]{1,100})<\/Code>/.exec(body)?.[1];
  return code === undefined ? undefined : visible(code.trim());
}

/** Do any two attempts run at the same time? Then the order of the transcript hides a race. */
export function overlapping(attempts: readonly AttemptRecord[]): boolean {
  const spans = attempts
    .map((a) => ({ start: Date.parse(a.startedAt), end: Date.parse(a.startedAt) + Math.max(0, a.durationMs) }))
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end))
    .sort((a, b) => a.start - b.start);
  let latestEnd = Number.NEGATIVE_INFINITY;
  for (const span of spans) {
    if (span.start < latestEnd) return true;
    latestEnd = Math.max(latestEnd, span.end);
  }
  return false;
}
