import { formatDuration } from './formatDuration.ts';
import { codeBlock, codeSpan, mdText } from './markdownText.ts';
import { plural } from './plural.ts';
import type { Conformance, RuleResult, RunReport } from './model.ts';
import { standing, type Standing } from './standing.ts';
import { transcriptText, type TranscriptTextOptions } from './transcriptText.ts';

/** Options for summary.md; the transcript limits matter most here (GitHub step summaries cap at 1 MiB). */
export type MarkdownOptions = TranscriptTextOptions;

const VERDICTS: Record<Conformance, string> = {
  conformant: '✅ Conformant',
  'conformant-with-deviations': '⚠️ Conformant with documented deviations',
  'not-conformant': '❌ Not conformant',
  inconclusive: '❔ Inconclusive (not shown conformant)',
  untested: '⛔ Untested (no rule could run)',
};

const STATUS_CELLS: Record<RuleResult['status'], string> = {
  passed: '✅ passed',
  failed: '❌ failed',
  inconclusive: '❔ inconclusive',
  error: '💥 error',
  'not-applicable': '➖ not applicable',
  skipped: '⏭️ skipped',
};

/**
 * summary.md, for a person (a PR comment or a CI step summary): the verdict first, then the
 * rule table, then one section per failure with everything needed to understand and replay it.
 */
export function toMarkdown(report: RunReport, options: MarkdownOptions = {}): string {
  // What keeps the run from being conformant first (violations, then what could not be shown); deviations are known.
  const order: readonly Standing[] = ['violation', 'unproven', 'neutral', 'excused'];
  const detailed = report.rules.filter((r) => r.status === 'failed' || r.status === 'inconclusive' || r.status === 'error');
  const failures = order.flatMap((wanted) => detailed.filter((r) => standing(r) === wanted));
  const blocks = [
    `# ${VERDICTS[report.conformance]}: ${mdText(report.target.name)}`,
    ...(report.run.stopped === undefined ? [] : [`**The run stopped early:** ${mdText(report.run.stopped)}`]),
    runLine(report),
    totalsLine(report),
    ruleTable(report.rules),
    ...failures.map((result) => failureSection(result, options)),
  ];
  if (report.notices.length > 0) blocks.push(['## Notices', '', ...report.notices.map((n) => `- ${mdText(n)}`)].join('\n'));
  blocks.push(footer(report));
  return `${blocks.join('\n\n')}\n`;
}

function runLine(report: RunReport): string {
  const { run, target, totals } = report;
  const where = [...target.endpoints, ...target.regions].map(codeSpan).join(', ');
  const left = `${plural(totals.resourcesLeftBehind, 'resource')} left behind`;
  return [
    `Target **${mdText(target.name)}**${where === '' ? '' : ` (${where})`}${target.embedded ? ', embedded emulator' : ''}`,
    `profile ${codeSpan(run.profile)}`,
    `seed ${codeSpan(String(run.seed))}`,
    formatDuration(run.durationMs),
    plural(totals.requests, 'request'),
    // A leak is the one number that must not be skimmed over.
    totals.resourcesLeftBehind > 0 ? `❗ **${left}**` : left,
  ].join(' · ');
}

function totalsLine(report: RunReport): string {
  const t = report.totals;
  const failed = t.deviations > 0 ? `${t.failed} failed (${plural(t.deviations, 'documented deviation')} in all)` : `${t.failed} failed`;
  return [`${t.passed} passed`, failed, `${t.inconclusive} inconclusive`, plural(t.errors, 'error'), `${t.notApplicable} not applicable`, `${t.skipped} skipped`].join(' · ');
}

function ruleTable(rules: readonly RuleResult[]): string {
  const header = ['| Rule | Action | Status | Runs | Requests | Duration | Note |', '|---|---|---|--:|--:|--:|---|'];
  const rows = rules.map((r) =>
    ['', r.rule, mdText(r.action), statusCell(r), r.runs, r.requests, formatDuration(r.durationMs), mdText(note(r)), ''].join(' | ').trim(),
  );
  return [...header, ...rows].join('\n');
}

/** A result's status as one table cell (also the README's moto table). */
export function statusCell(result: RuleResult): string {
  const cell = standing(result) === 'excused' ? `⚠️ deviation (${result.status})` : STATUS_CELLS[result.status];
  // A MUST rule that could not be shown (inconclusive, skipped) is what keeps the run from conformant: mark it.
  return standing(result) === 'unproven' ? `${cell} · blocks` : cell;
}

function note(result: RuleResult): string {
  if (standing(result) === 'excused') return `documented: ${result.deviation?.reason ?? ''}`;
  if (result.status === 'failed') return result.failure?.message ?? result.reason ?? '';
  if (result.reason !== undefined) return result.reason;
  // Where several behaviours are allowed (CONCURRENT-DUPLICATES), say which one the endpoint chose.
  return Object.entries(result.observations ?? {}).map(([name, count]) => `${name}: ${count}`).join(', ');
}

function failureSection(result: RuleResult, options: MarkdownOptions): string {
  const icon = standing(result) === 'excused' ? '⚠️' : STATUS_CELLS[result.status].split(' ')[0];
  const lines = [
    `## ${icon} ${result.rule} · ${mdText(result.action)} (${result.status})`,
    '',
    `**${result.strength}**: ${mdText(result.title)}`,
    '',
    sourceLine(result.source),
  ];
  if (result.deviation !== undefined) lines.push('', deviationLine(result.deviation));
  const failure = result.failure;
  lines.push('', `**${mdText(result.status === 'failed' ? (failure?.message ?? result.reason ?? 'failed without a counterexample') : (result.reason ?? failure?.message ?? result.status))}**`);
  if (failure === undefined) return lines.join('\n');
  lines.push('', `Shrunk input (after ${plural(failure.shrinks, 'shrink')}):`, '', codeBlock(failure.input));
  lines.push('', `Seed ${codeSpan(String(failure.seed))} · path ${codeSpan(failure.path)}`, '', `Replay: ${codeSpan(failure.replay)}`);
  lines.push('', '<details>', `<summary>Transcript (${plural(failure.transcript.length, 'attempt')})</summary>`, '');
  lines.push(codeBlock(transcriptText(failure.transcript, options)), '', '</details>');
  return lines.join('\n');
}

/** The rule's reference section (docs/reference.md) and the primary source it cites. */
function sourceLine(source: RuleResult['source']): string {
  if (source.link === '') return `Reference: ${codeSpan(source.ref)} (no source recorded)`;
  return `Reference: ${codeSpan(source.ref)} in docs/reference.md · primary source ${linkText(source.link)}`;
}

function deviationLine(deviation: NonNullable<RuleResult['deviation']>): string {
  const link = deviation.link === undefined ? '' : ` (${linkText(deviation.link)})`;
  return `Documented deviation: ${mdText(deviation.reason)}${link}; expires ${mdText(deviation.expires)}.`;
}

/** An autolink only for a plain http(s) URL; anything else is shown as code, never as live Markdown. */
function linkText(url: string): string {
  return /^https?:\/\/[^\s<>]+$/.test(url) ? `<${url}>` : codeSpan(url);
}

function footer(report: RunReport): string {
  const { tool, run } = report;
  return `<sub>${mdText(`${tool.name} ${tool.version}`)} · rule catalogue v${tool.ruleCatalogueVersion} · run ${codeSpan(run.id)} · started ${mdText(run.startedAt)} · ${plural(run.runsPerRule, 'run')} per rule · ${codeSpan(run.command)}</sub>`;
}
