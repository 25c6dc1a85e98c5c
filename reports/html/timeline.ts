import type { AttemptRecord } from '../../harness/transcript.ts';
import type { RuleResult } from '../model.ts';
import { originOf, overlapping, summarise, type AttemptOutcome } from './attempts.ts';
import { STATUS_COLOURS } from './document.ts';
import { escapeHtml } from './escape.ts';

/** Rules whose cases are about timing: a race, or an answer lost in flight and retried. */
const TIMED_RULES: ReadonlySet<string> = new Set(['CONCURRENT-DUPLICATES', 'LOST-RESPONSE']);

/** Does this result's counterexample deserve a timeline? Timed rules always; any other when attempts overlap. */
export function wantsTimeline(result: RuleResult): boolean {
  const attempts = result.failure?.transcript ?? [];
  if (attempts.length === 0) return false;
  return TIMED_RULES.has(result.rule) || overlapping(attempts);
}

/** Bar colours reuse the status colours: an answer that is a success, a refusal, a server error, or none. */
const BAR_COLOURS: Readonly<Record<AttemptOutcome, { readonly background: string; readonly text: string }>> = {
  ok: STATUS_COLOURS.passed,
  'client-error': STATUS_COLOURS.inconclusive,
  'server-error': STATUS_COLOURS.failed,
  'no-answer': STATUS_COLOURS.error,
};

const WIDTH = 960;
const LABEL_WIDTH = 200;
const RIGHT_PAD = 20;
const AXIS_HEIGHT = 28;
const LANE_HEIGHT = 38;
const BAR_HEIGHT = 14;
const MIN_BAR = 2;

/**
 * An inline SVG of the attempts in time: one lane per attempt, in the order they started, each a
 * bar from its start for its duration, labelled with what came back and any injected fault. The
 * lanes are numbered as the transcript numbers its attempts. Self-contained: no fonts or images.
 */
export function timelineSvg(attempts: readonly AttemptRecord[]): string {
  const origin = originOf(attempts);
  const lanes = attempts
    .map((attempt, index) => ({ attempt, index, summary: summarise(attempt, origin) }))
    .map((lane) => ({ ...lane, start: Number.isFinite(lane.summary.offsetMs) ? lane.summary.offsetMs : 0 }))
    .sort((a, b) => a.start - b.start || a.index - b.index);
  const span = Math.max(1, ...lanes.map((l) => l.start + Math.max(0, l.attempt.durationMs)));
  const step = tickStep(span);
  const chartWidth = WIDTH - LABEL_WIDTH - RIGHT_PAD;
  const x = (ms: number) => LABEL_WIDTH + (ms / span) * chartWidth;
  const height = AXIS_HEIGHT + lanes.length * LANE_HEIGHT + 6;
  const parts: string[] = [];
  for (let i = 0; i * step <= span; i += 1) {
    const tick = i * step;
    const tx = x(tick).toFixed(1);
    parts.push(`<line x1="${tx}" y1="${AXIS_HEIGHT - 6}" x2="${tx}" y2="${height}" class="tl-grid"/>`);
    // The last label would spill over the right edge if centred on its tick.
    const anchor = x(tick) > WIDTH - RIGHT_PAD - 30 ? 'end' : 'middle';
    parts.push(`<text x="${tx}" y="${AXIS_HEIGHT - 10}" text-anchor="${anchor}" class="tl-tick">${tick === 0 ? '0' : `+${formatMs(tick)}`} ms</text>`);
  }
  lanes.forEach((lane, row) => {
    const top = AXIS_HEIGHT + row * LANE_HEIGHT;
    const { background, text } = BAR_COLOURS[lane.summary.outcome];
    const barX = x(lane.start);
    const barWidth = Math.max(MIN_BAR, (Math.max(0, lane.attempt.durationMs) / span) * chartWidth);
    const label = [lane.summary.result, ...(lane.summary.fault === undefined ? [] : [`⚡ ${lane.summary.fault}`])].join(' · ');
    const timing = `+${formatMs(lane.start)} ms, took ${formatMs(lane.attempt.durationMs)} ms`;
    // Labels start under the bar; near the right edge they end there instead.
    const anchorEnd = barX > LABEL_WIDTH + chartWidth * 0.6;
    const labelX = anchorEnd ? Math.min(barX + barWidth, WIDTH - 4) : barX;
    parts.push(
      `<g class="tl-lane">`,
      `<title>${escapeHtml(`attempt ${lane.index + 1}: ${lane.summary.action}, ${timing}: ${label}`)}</title>`,
      `<text x="8" y="${top + 16}" class="tl-lane-label">#${lane.index + 1} ${escapeHtml(clip(lane.summary.action, 24))}</text>`,
      `<rect x="${barX.toFixed(1)}" y="${top + 4}" width="${barWidth.toFixed(1)}" height="${BAR_HEIGHT}" rx="2" fill="${background}" stroke="${text}"${lane.summary.fault === undefined ? '' : ' stroke-dasharray="4 2"'}/>`,
      `<text x="${labelX.toFixed(1)}" y="${top + 32}"${anchorEnd ? ' text-anchor="end"' : ''} fill="${text}" class="tl-label">${escapeHtml(clip(`${label} (${timing})`, 90))}</text>`,
      `</g>`,
    );
  });
  const title = `Timeline of ${attempts.length} attempts over ${formatMs(span)} ms`;
  return `<svg class="timeline" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${WIDTH} ${height}" width="100%">\n${parts.join('\n')}\n</svg>`;
}

/** A tick every 1, 2 or 5 × 10^k ms, about six across the span. */
function tickStep(span: number): number {
  const rough = span / 6;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  return Math.max(step, 0.001);
}

function formatMs(ms: number): string {
  return Number.isInteger(ms) || ms >= 100 ? String(Math.round(ms)) : ms.toFixed(1);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
