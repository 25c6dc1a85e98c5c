import type { AttemptRecord } from '../../harness/transcript.ts';
import { plural } from '../plural.ts';
import { prettyBody } from '../prettyBody.ts';
import { requestBody, type TranscriptTextOptions } from '../transcriptText.ts';
import { visible } from '../visible.ts';
import { summarise, originOf } from './attempts.ts';
import { markAnswer, type AnswerLine, type ShownDifference } from './differences.ts';
import { escapeHtml } from './escape.ts';

const DEFAULT_MAX_BODY_CHARS = 4096;

/**
 * A transcript as pairs of blocks, the request on the left and its answer on the right, one
 * attempt after another in the order they finished (as recorded). In successful answers the
 * elements a "same response" difference points at are wrapped in `<mark>`.
 */
export function transcriptHtml(
  attempts: readonly AttemptRecord[],
  differences: readonly ShownDifference[] = [],
  options: TranscriptTextOptions = {},
): string {
  if (attempts.length === 0) return '<p class="muted">No exchange was recorded for this case.</p>';
  const max = options.maxBodyChars ?? DEFAULT_MAX_BODY_CHARS;
  const origin = originOf(attempts);
  const items = attempts.map((attempt, index) => attemptHtml(attempt, index, attempts.length, origin, differences, max));
  return `<ol class="transcript">\n${items.join('\n')}\n</ol>`;
}

function attemptHtml(
  attempt: AttemptRecord,
  index: number,
  count: number,
  origin: number,
  differences: readonly ShownDifference[],
  max: number,
): string {
  const summary = summarise(attempt, origin);
  const at = Number.isFinite(summary.offsetMs) ? ` · at +${Math.round(summary.offsetMs)} ms` : '';
  const fault = summary.fault === undefined ? '' : ` <span class="fault">⚡ injected fault: ${escapeHtml(summary.fault)}</span>`;
  const head = `<div class="attempt-head"><strong>Attempt ${index + 1} of ${count}</strong> · ${escapeHtml(summary.action)}${at} · took ${Math.round(attempt.durationMs)} ms${fault}</div>`;
  const request = [`${attempt.request.method} ${attempt.request.url}`, ...(attempt.request.body === undefined ? [] : ['', requestBody(attempt.request.body, max)])].join('\n');
  const requestBlock = `<div class="request"><div class="block-label">→ Request</div><pre>${escapeHtml(visible(request))}</pre></div>`;
  return `<li class="attempt outcome-${summary.outcome}">\n${head}\n<div class="exchange">\n${requestBlock}\n${answerHtml(attempt, differences, max)}\n</div>\n</li>`;
}

function answerHtml(attempt: AttemptRecord, differences: readonly ShownDifference[], max: number): string {
  const parts: string[] = [];
  if (attempt.response !== undefined) {
    const { status, body } = attempt.response;
    // Differences are between successful answers only: an error is never "the same response".
    const lines = markAnswer(visible(prettyBody(body)), status >= 200 && status < 300 ? differences : []);
    parts.push(`<div class="block-label">← Answer: HTTP ${escapeHtml(String(status))}</div>`, `<pre>${linesHtml(lines, max)}</pre>`);
  }
  if (attempt.failure !== undefined) {
    const what = attempt.response === undefined ? 'No answer reached the client' : 'The client never saw this answer';
    parts.push(`<p class="client-failure">✗ ${what}: <code>${escapeHtml(visible(attempt.failure.code))}</code> ${escapeHtml(visible(attempt.failure.message))}</p>`);
  }
  if (parts.length === 0) parts.push('<p class="client-failure">No answer was recorded.</p>');
  return `<div class="answer">${parts.join('\n')}</div>`;
}

/** Escaped lines, marked ones in `<mark>`, cut after `max` characters with a pointer to report.json. */
function linesHtml(lines: readonly AnswerLine[], max: number): string {
  const shown: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    if (used + line.text.length > max) {
      const room = Math.max(0, max - used);
      const left = lines.slice(i).reduce((sum, l) => sum + l.text.length + 1, 0) - 1 - room;
      const part = line.text.slice(0, room);
      if (part !== '') shown.push(line.marked ? markLine(part) : escapeHtml(part));
      shown.push(`<span class="muted">… (${plural(left, 'more character')} in report.json)</span>`);
      break;
    }
    used += line.text.length + 1;
    shown.push(line.marked ? markLine(line.text) : escapeHtml(line.text));
  }
  return shown.join('\n');
}

/** The indentation stays outside the mark, so the highlight starts where the element does. */
function markLine(text: string): string {
  const indent = /^\s*/.exec(text)?.[0] ?? '';
  return `${indent}<mark>${escapeHtml(text.slice(indent.length))}</mark>`;
}
