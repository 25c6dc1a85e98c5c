import type { RuleResult } from '../model.ts';
import { plural } from '../plural.ts';
import { formatDuration } from '../formatDuration.ts';
import { standing } from '../standing.ts';
import type { TranscriptTextOptions } from '../transcriptText.ts';
import { visible } from '../visible.ts';
import { differenceCount, parseDifferences, type ShownDifference, type ShownValue } from './differences.ts';
import { escapeHtml } from './escape.ts';
import { timelineSvg, wantsTimeline } from './timeline.ts';
import { transcriptHtml } from './transcript.ts';

/** Results that get a section of their own below the grid: what was shown broken, or could not be told. */
export function hasDetails(result: RuleResult): boolean {
  return result.status === 'failed' || result.status === 'inconclusive' || result.status === 'error';
}

/** The anchor of a result's section; the index is its place in `report.rules`, so ids never clash. */
export function sectionId(index: number): string {
  return `result-${index}`;
}

/**
 * One failure (or inconclusive result, or crash): what broke, the shrunk input, the differences
 * that broke "same response", a timeline when timing matters, the transcript, and the replay
 * command with a copy button (shown only when scripts run; the command is plain selectable text).
 */
export function failureHtml(result: RuleResult, index: number, options: TranscriptTextOptions = {}): string {
  const id = sectionId(index);
  const excused = standing(result) === 'excused';
  // Statuses, strengths and numbers are escaped too: a report read back from a file is input like any other.
  const status = escapeHtml(result.status);
  const badge = `<span class="badge status-${status}">${excused ? `deviation (${status})` : status}</span>`;
  const failure = result.failure;
  const message = result.status === 'failed' ? (failure?.message ?? result.reason ?? 'failed without a counterexample') : (result.reason ?? failure?.message ?? result.status);
  const parts = [
    `<h3>${badge} ${escapeHtml(result.rule)} · ${escapeHtml(result.action)} <a class="back" href="#grid">↑ grid</a></h3>`,
    `<p><strong>${escapeHtml(result.strength)}</strong>: ${text(result.title)}</p>`,
    sourceHtml(result.source),
    ...(result.deviation === undefined ? [] : [deviationHtml(result.deviation)]),
    `<p class="message">${text(message)}</p>`,
  ];
  if (failure !== undefined) {
    const differences = parseDifferences(failure.message);
    if (differences.length > 0) parts.push(differencesHtml(differences, differenceCount(failure.message)));
    const found = failure.foundAfter === undefined ? '' : ` · found after ${plural(failure.foundAfter.requests, 'request')} and ${formatDuration(failure.foundAfter.ms)}`;
    parts.push(
      `<h4>Shrunk input</h4>`,
      `<pre class="input">${text(failure.input)}</pre>`,
      `<p class="muted">After ${plural(failure.shrinks, 'shrink')} · seed <code>${text(String(failure.seed))}</code> · path <code>${text(failure.path)}</code>${found}</p>`,
      replayHtml(failure.replay, id),
    );
    if (wantsTimeline(result)) {
      parts.push(
        `<h4>Timeline</h4>`,
        `<figure class="timeline-figure">${timelineSvg(failure.transcript)}<figcaption>Each lane is one attempt, numbered as in the transcript, drawn from when it started for as long as it took; dashed bars carry an injected fault.</figcaption></figure>`,
      );
    }
    parts.push(`<h4>Transcript (${plural(failure.transcript.length, 'attempt')})</h4>`, transcriptHtml(failure.transcript, differences, options));
  }
  return `<section class="failure border-${status}" id="${id}">\n${parts.join('\n')}\n</section>`;
}

function differencesHtml(differences: readonly ShownDifference[], total: number): string {
  const rows = differences.map(
    (d) => `<tr><td><code>${text(d.path)}</code></td><td>${valueHtml(d.first)}</td><td>${valueHtml(d.second)}</td></tr>`,
  );
  return [
    `<h4>What differed</h4>`,
    `<table class="differences"><thead><tr><th scope="col">Where</th><th scope="col">First answer</th><th scope="col">Later answer</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    `<p class="muted">Marked <mark>like this</mark> in the answers below.${total > differences.length ? ` The rule found ${total} differences; its message names the first ${differences.length}.` : ''}</p>`,
  ].join('\n');
}

function valueHtml(value: ShownValue): string {
  if (value.kind === 'absent') return '<em>absent</em>';
  return `<code>${text(value.kind === 'text' ? value.text : value.shown)}</code>`;
}

function replayHtml(replay: string, id: string): string {
  const codeId = `${id}-replay`;
  return [
    `<h4>Replay</h4>`,
    `<div class="replay"><pre><code id="${codeId}">${text(replay)}</code></pre><button type="button" class="copy" data-copy="${codeId}" hidden>Copy</button></div>`,
  ].join('\n');
}

function sourceHtml(source: RuleResult['source']): string {
  if (source.link === '') return `<p class="muted">Reference <code>${text(source.ref)}</code> (no source recorded)</p>`;
  return `<p class="muted">Reference <code>${text(source.ref)}</code> in docs/reference.md · primary source ${linkHtml(source.link)}</p>`;
}

function deviationHtml(deviation: NonNullable<RuleResult['deviation']>): string {
  const link = deviation.link === undefined ? '' : ` (${linkHtml(deviation.link)})`;
  return `<p class="deviation">Documented deviation: ${text(deviation.reason)}${link}; expires ${text(deviation.expires)}.</p>`;
}

/** A link only for a plain http(s) address (a documentation page); anything else is shown as code. */
export function linkHtml(url: string): string {
  if (!/^https?:\/\/[^\s<>"'`]+$/.test(url)) return `<code>${text(url)}</code>`;
  return `<a href="${escapeHtml(url)}" rel="noreferrer noopener">${escapeHtml(url)}</a>`;
}

/** Any text from the endpoint or the generators: hidden characters shown, then escaped. */
function text(value: string): string {
  return escapeHtml(visible(value));
}
