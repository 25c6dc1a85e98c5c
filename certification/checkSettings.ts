import { TOKEN_ACTIONS, type TokenActionName } from '../harness/target.ts';
import type { RunReport } from '../reports/model.ts';
import { selectCases } from '../specs/selection.ts';
import { formatShard, inShard } from '../specs/shard.ts';
import type { Certificate } from './certificate.ts';
import type { Product } from './product.ts';

/**
 * The fixed settings of a certification, as the certificate states them and report.json shows
 * them: enough runs per rule, no documented deviations, the same profile, seed and regions, and
 * every rule × action of every declared action (of this shard) exactly once. `minRunsPerRule` is
 * the floor being verified against; `sameCatalogue` says whether the installed rules judged the bundle
 * (only then can the expected rule × action list be rebuilt).
 */
export function checkSettings(certificate: Certificate, report: RunReport, product: Product | undefined, minRunsPerRule: number, sameCatalogue: boolean): string[] {
  const problems: string[] = [];
  const { settings } = certificate;
  if (settings.minRunsPerRule < minRunsPerRule) {
    problems.push(`the run was held to ${settings.minRunsPerRule} runs per rule; a certification needs at least ${minRunsPerRule}`);
  }
  if (settings.runsPerRule < settings.minRunsPerRule) problems.push(`${settings.runsPerRule} runs per rule is below the stated minimum of ${settings.minRunsPerRule}`);
  if (report.run.runsPerRule !== settings.runsPerRule) problems.push(`report.json ran ${report.run.runsPerRule} runs per rule, certificate.json says ${settings.runsPerRule}`);
  if (report.run.profile !== certificate.profile) problems.push(`report.json ran profile ${report.run.profile}, certificate.json says ${certificate.profile}`);
  if (report.run.seed !== certificate.seed) problems.push(`report.json ran seed ${report.run.seed}, certificate.json says ${certificate.seed}`);
  if (report.target.name !== certificate.target.name || report.target.embedded !== certificate.target.embedded) {
    problems.push(`report.json tested ${JSON.stringify(report.target.name)}, certificate.json names ${JSON.stringify(certificate.target.name)}`);
  }
  if (!sameList(report.target.regions, settings.regions)) problems.push(`report.json tested regions ${report.target.regions.join(', ')}, certificate.json says ${settings.regions.join(', ')}`);
  const excused = report.rules.filter((r) => r.deviation !== undefined);
  if (excused.length > 0 || report.totals.deviations > 0) {
    problems.push(`report.json excuses ${excused.map((r) => `${r.rule} × ${r.action}`).join(', ') || 'failures'} as documented deviations; a certification excuses nothing`);
  }
  if (product) {
    const untested = settings.regions.filter((region) => !product.regions.includes(region));
    if (untested.length > 0) problems.push(`product.json does not list the tested regions ${untested.join(', ')}`);
    if (certificate.target.embedded && product.endpointKind !== 'emulator') problems.push(`the embedded emulator was tested but product.json says endpoint kind ${product.endpointKind}`);
  }
  if (settings.shard && settings.shards) problems.push('certificate.json says the bundle is both one shard and a merge of shards');
  const unknown = settings.actions.filter((action) => !(TOKEN_ACTIONS as readonly string[]).includes(action));
  if (unknown.length > 0) {
    problems.push(`certificate.json declares actions this suite does not know: ${unknown.join(', ')}`);
  } else if (sameCatalogue) {
    problems.push(...checkCoverage(certificate, report));
  }
  return problems;
}

/** Every rule × action of the declared actions (of this shard) exactly once, and nothing else. */
function checkCoverage(certificate: Certificate, report: RunReport): string[] {
  const { settings } = certificate;
  const all = selectCases(settings.actions as TokenActionName[]).map((c) => `${c.rule.id} × ${c.action}`);
  const expected = inShard(all, settings.shard);
  const seen = report.rules.map((r) => `${r.rule} × ${r.action}`);
  const problems: string[] = [];
  const where = settings.shard ? ` (shard ${formatShard(settings.shard)})` : '';
  const missing = expected.filter((pair) => !seen.includes(pair));
  if (missing.length > 0) problems.push(`report.json lacks ${missing.length} rule × action test(s) a certification runs${where}: ${missing.join(', ')}`);
  const extra = [...new Set(seen.filter((pair) => !expected.includes(pair)))];
  if (extra.length > 0) problems.push(`report.json has rule × action tests outside the certification${where}: ${extra.join(', ')}`);
  const twice = [...new Set(seen.filter((pair, index) => seen.indexOf(pair) !== index))];
  if (twice.length > 0) problems.push(`report.json has these rule × action tests more than once: ${twice.join(', ')}`);
  return problems;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
