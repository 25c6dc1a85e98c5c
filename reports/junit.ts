import { XMLBuilder } from 'fast-xml-parser';
import type { RuleResult, RunReport } from './model.ts';
import { standing, type Standing } from './standing.ts';
import { plural } from './plural.ts';
import { transcriptText, type TranscriptTextOptions } from './transcriptText.ts';
import { visible } from './visible.ts';

/** Options for junit.xml (cf. vitest's `JUnitOptions`). */
export interface JUnitOptions extends TranscriptTextOptions {
  /**
   * Name of the single `<testsuite>`; CI pages group results under it.
   * @defaultValue 'ec2-idempotency-conformance'
   */
  readonly suiteName?: string;
}

type XmlNode = { [key: string]: string | XmlNode | XmlNode[] };

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  suppressEmptyNode: true,
  // Escapes &, <, >, " and ' in text and attributes: the transcript is untrusted endpoint output.
  processEntities: true,
});

/**
 * junit.xml for CI: one `<testcase classname="RULE-ID" name="ACTION">` per result, following
 * reports/standing.ts so that a CI page goes red exactly when the exit code says so: a violation
 * is `<failure>`; a result that keeps the run from conformant without breaking a rule (a MUST rule
 * inconclusive or skipped, a crash) is `<error>`; a documented deviation and everything else
 * that does not count is `<skipped>`. A last testcase carries the run's own verdict (a leak, nothing
 * tested, nothing passed, a stopped run are no rule's), so the page is red exactly when the exit
 * code is not 0.
 */
export function toJUnit(report: RunReport, options: JUnitOptions = {}): string {
  const counts = suiteCounts(report);
  const suite: XmlNode = {
    '@_name': options.suiteName ?? 'ec2-idempotency-conformance',
    ...counts,
    '@_timestamp': report.run.startedAt,
    properties: { property: properties(report) },
    testcase: [...report.rules.map((result) => testCase(result, options)), verdictCase(report)],
  };
  const document: XmlNode = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: { '@_name': report.tool.name, ...counts, testsuite: suite },
  };
  return builder.build(xmlSafeTree(document)) as string;
}

function suiteCounts(report: RunReport): XmlNode {
  const standings = report.rules.map(standing);
  const count = (wanted: Standing) => standings.filter((s) => s === wanted).length;
  const verdict = verdictOutcome(report);
  return {
    '@_tests': String(report.rules.length + 1),
    '@_failures': String(count('violation') + (verdict?.kind === 'failure' ? 1 : 0)),
    '@_errors': String(count('unproven') + (verdict?.kind === 'error' ? 1 : 0)),
    '@_skipped': String(standings.filter((s) => s === 'excused' || s === 'neutral').length),
    '@_time': seconds(report.run.durationMs),
  };
}

function properties(report: RunReport): XmlNode[] {
  const entries: [string, string][] = [
    ['seed', String(report.run.seed)],
    ['profile', report.run.profile],
    ['target', report.target.name],
    ['conformance', report.conformance],
    ['runId', report.run.id],
    ['tool', `${report.tool.name} ${report.tool.version}`],
    ['ruleCatalogueVersion', String(report.tool.ruleCatalogueVersion)],
  ];
  return entries.map(([name, value]) => ({ '@_name': name, '@_value': value }));
}

function testCase(result: RuleResult, options: JUnitOptions): XmlNode {
  const node: XmlNode = { '@_classname': result.rule, '@_name': result.action, '@_time': seconds(result.durationMs) };
  switch (standing(result)) {
    case 'passed':
      break;
    case 'excused':
      node.skipped = { '@_message': oneLine(`documented deviation: ${result.deviation?.reason ?? ''}`) };
      // Still show what happened, so the deviation can be re-checked without rerunning.
      node['system-out'] = failureText(result, options);
      break;
    case 'violation':
      node.failure = { '@_message': oneLine(failureMessage(result)), '@_type': result.rule, '#text': failureText(result, options) };
      break;
    case 'unproven':
      node.error = { '@_message': oneLine(`${result.status}: ${failureMessage(result)}`), '@_type': result.status, '#text': failureText(result, options) };
      break;
    case 'neutral':
      node.skipped = { '@_message': oneLine(`${result.status}: ${result.reason ?? result.status}`) };
      break;
  }
  return node;
}

/** What the run's verdict testcase reports: nothing for a conformant run that ran to its end. */
function verdictOutcome(report: RunReport): { kind: 'failure' | 'error'; message: string } | undefined {
  const { conformance, run, totals } = report;
  if (run.stopped !== undefined) return { kind: 'error', message: `${conformance}: the run stopped early: ${run.stopped}` };
  if (conformance === 'not-conformant') {
    const why = [
      report.rules.some((r) => standing(r) === 'violation') ? 'a rule was shown broken' : undefined,
      totals.resourcesLeftBehind > 0 ? `${totals.resourcesLeftBehind} resource(s) left behind` : undefined,
    ].filter((part) => part !== undefined);
    return { kind: 'failure', message: `not-conformant: ${why.join('; ')}` };
  }
  if (conformance === 'inconclusive') return { kind: 'error', message: 'inconclusive: not every MUST rule passed with evidence (or nothing passed)' };
  if (conformance === 'untested') return { kind: 'error', message: 'untested: no rule could run' };
  return undefined;
}

function verdictCase(report: RunReport): XmlNode {
  const node: XmlNode = { '@_classname': 'RUN', '@_name': 'verdict', '@_time': seconds(report.run.durationMs) };
  const outcome = verdictOutcome(report);
  if (outcome !== undefined) node[outcome.kind] = { '@_message': oneLine(outcome.message), '@_type': report.conformance };
  return node;
}

function failureMessage(result: RuleResult): string {
  if (result.status !== 'failed') return result.reason ?? result.failure?.message ?? result.status;
  return result.failure?.message ?? result.reason ?? 'failed without a counterexample';
}

/** The failure body: everything needed to understand and replay it, as plain text. */
function failureText(result: RuleResult, options: JUnitOptions): string {
  const lines = [
    failureMessage(result),
    '',
    `${result.rule} (${result.strength}): ${result.title}`,
    result.source.link === '' ? `Reference ${result.source.ref} (no source recorded)` : `Reference ${result.source.ref} (docs/reference.md): ${result.source.link}`,
  ];
  const failure = result.failure;
  if (failure === undefined) return lines.join('\n');
  lines.push('', `Input (after ${plural(failure.shrinks, 'shrink')}):`, failure.input, '');
  lines.push(`Seed: ${failure.seed}`, `Path: ${failure.path}`, `Replay: ${failure.replay}`);
  lines.push('', `Transcript (${plural(failure.transcript.length, 'attempt')}):`, transcriptText(failure.transcript, options));
  return lines.join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/**
 * XML 1.0 cannot carry most control characters or lone surrogates, not even as entities, and
 * fuzzed tokens produce them: escaping alone would leave the file unparseable. So every string
 * goes through `visible` (they become `\uXXXX`) before the builder escapes the rest.
 */
function xmlSafeTree(node: XmlNode): XmlNode {
  const result: XmlNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'string') result[key] = visible(value);
    else if (Array.isArray(value)) result[key] = value.map(xmlSafeTree);
    else result[key] = xmlSafeTree(value);
  }
  return result;
}
