import { buildRunReport, conformanceOf } from '../reports/build.ts';
import { conformanceLevel } from '../reports/level.ts';
import type { RunReport } from '../reports/model.ts';
import { certifiedResults, endOf, type Certificate } from './certificate.ts';
import { canonicalJson } from './digest.ts';

/**
 * Everything the certificate concludes, recomputed from report.json: each rule × action's status,
 * the report's totals and verdict, the certificate's verdict and level, and when the run began and ended.
 */
export function checkVerdicts(certificate: Certificate, report: RunReport): string[] {
  const problems: string[] = [];
  const fromReport = certifiedResults(report);
  const key = (r: { rule: string; action: string }) => `${r.rule} × ${r.action}`;
  const reported = new Map(fromReport.map((r) => [key(r), r]));
  const certified = new Map(certificate.results.map((r) => [key(r), r]));
  for (const [pair, result] of certified) {
    const truth = reported.get(pair);
    if (!truth) problems.push(`certificate.json has a verdict for ${pair}, which report.json does not have`);
    else if (truth.status !== result.status || truth.strength !== result.strength) {
      problems.push(`certificate.json says ${pair} ${result.strength} ${result.status}, report.json says ${truth.strength} ${truth.status}`);
    }
  }
  for (const pair of reported.keys()) {
    if (!certified.has(pair)) problems.push(`certificate.json has no verdict for ${pair}, which report.json has`);
  }
  const rebuilt = buildRunReport({ tool: report.tool, results: report.rules, run: report.run, target: report.target, resourcesLeftBehind: report.totals.resourcesLeftBehind, notices: report.notices });
  if (canonicalJson(rebuilt.totals) !== canonicalJson(report.totals)) problems.push(`report.json's totals are not what its results add up to (${canonicalJson(rebuilt.totals)})`);
  const verdict = conformanceOf(report.rules, report.totals.resourcesLeftBehind, report.run.stopped !== undefined);
  if (report.conformance !== verdict) problems.push(`report.json's verdict ${report.conformance} does not follow from its results, which make it ${verdict}`);
  if (certificate.verdict !== verdict) problems.push(`certificate.json's verdict ${certificate.verdict} does not follow from report.json, which makes it ${verdict}`);
  const level = conformanceLevel(report.rules);
  if (certificate.level !== level) problems.push(`certificate.json's level ${certificate.level} does not follow from report.json, which makes it ${level}`);
  if (certificate.startedAt !== report.run.startedAt || certificate.endedAt !== endOf(report.run)) {
    problems.push(`certificate.json says the run went from ${certificate.startedAt} to ${certificate.endedAt}, report.json from ${report.run.startedAt} to ${endOf(report.run)}`);
  }
  return problems;
}
