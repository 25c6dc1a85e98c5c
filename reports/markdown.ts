import { formatDuration } from './formatDuration.ts';
import { codeBlock, codeSpan, mdText } from './markdownText.ts';
import { plural } from './plural.ts';
import type { Conformance, RuleResult, RunReport } from './model.ts';
import { transcriptText, type TranscriptTextOptions } from './transcriptText.ts';

/** Options for summary.md; the transcript limits matter most here (GitHub step summaries cap at 1 MiB). */
export type MarkdownOptions = TranscriptTextOptions;

const VERDICTS: Record<Conformance, string> = {
  conformant: '✅ Conformant',
  'conformant-with-deviations': '⚠️ Conformant with documented deviations',
  'not-conformant': '❌ Not conformant',
};

/**
 * summary.md, for a person (a PR comment or a CI step summary): the verdict first, then the
 * rule table, then one section per failure with everything needed to understand and replay it.
 */
export function toMarkdown(report: RunReport, options: MarkdownOptions = {}): string {
  // Undocumented failures first: they are what makes the run fail; deviations are known.
  const failed = report.rules.filter((r) => r.status === 'failed');
  const failures = [...failed.filter((r) => r.deviation === undefined), ...failed.filter((r) => r.deviation !== undefined)];
  const blocks = [
    `# ${VERDICTS[report.conformance]}: ${mdText(report.target.name)}`,
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
  const failed = t.deviations > 0 ? `${t.failed} failed (${plural(t.deviations, 'documented deviation')})` : `${t.failed} failed`;
  return [`${t.passed} passed`, failed, `${t.notApplicable} not applicable`, `${t.skipped} skipped`].join(' · ');
}

function ruleTable(rules: readonly RuleResult[]): string {
  const header = ['| Rule | Action | Status | Runs | Requests | Duration | Note |', '|---|---|---|--:|--:|--:|---|'];
  const rows = rules.map((r) =>
    ['', r.rule, mdText(r.action), statusCell(r), r.runs, r.requests, formatDuration(r.durationMs), mdText(note(r)), ''].join(' | ').trim(),
  );
  return [...header, ...rows].join('\n');
}

function statusCell(result: RuleResult): string {
  if (result.status === 'failed') return result.deviation === undefined ? '❌ failed' : '⚠️ deviation';
  return { passed: '✅ passed', 'not-applicable': '➖ not applicable', skipped: '⏭️ skipped' }[result.status];
}

function note(result: RuleResult): string {
  if (result.deviation !== undefined && result.status === 'failed') return `documented: ${result.deviation.reason}`;
  if (result.status === 'failed') return result.failure?.message ?? result.reason ?? '';
  if (result.reason !== undefined) return result.reason;
  // Where several behaviours are allowed (CONCURRENT-DUPLICATES), say which one the endpoint chose.
  return Object.entries(result.observations ?? {}).map(([name, count]) => `${name}: ${count}`).join(', ');
}

function failureSection(result: RuleResult, options: MarkdownOptions): string {
  const icon = result.deviation === undefined ? '❌' : '⚠️';
  const lines = [
    `## ${icon} ${result.rule} · ${mdText(result.action)}`,
    '',
    `**${result.strength}**: ${mdText(result.title)}`,
    '',
    `> ${mdText(result.source.sentence)} (${mdText(`${result.source.key} ${result.source.fact}`)})`,
  ];
  if (result.deviation !== undefined) lines.push('', deviationLine(result.deviation));
  const failure = result.failure;
  lines.push('', `**${mdText(failure?.message ?? result.reason ?? 'failed without a counterexample')}**`);
  if (failure === undefined) return lines.join('\n');
  lines.push('', `Shrunk input (after ${plural(failure.shrinks, 'shrink')}):`, '', codeBlock(failure.input));
  lines.push('', `Seed ${codeSpan(String(failure.seed))} · path ${codeSpan(failure.path)}`, '', `Replay: ${codeSpan(failure.replay)}`);
  lines.push('', '<details>', `<summary>Transcript (${plural(failure.transcript.length, 'attempt')})</summary>`, '');
  lines.push(codeBlock(transcriptText(failure.transcript, options)), '', '</details>');
  return lines.join('\n');
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
  return `<sub>${mdText(`${tool.name} ${tool.version}`)} · run ${codeSpan(run.id)} · started ${mdText(run.startedAt)} · ${plural(run.runsPerRule, 'run')} per rule · ${codeSpan(run.command)}</sub>`;
}
