import { RULE_CATALOGUE_VERSION } from '../specs/catalogVersion.ts';
import { RULE_IDS } from '../specs/ruleIds.ts';
import { REPORT_SCHEMA_VERSION, type Conformance, type RuleResult, type RunReport } from './model.ts';
import { ran, standing } from './standing.ts';

/** Everything a report is made of; the CLI gathers it from the collector, the target and the ledger. */
export interface BuildRunReportInput {
  readonly results: readonly RuleResult[];
  readonly run: RunReport['run'];
  readonly target: RunReport['target'];
  /** From the final cleanup; anything but 0 makes the run not conformant. */
  readonly resourcesLeftBehind: number;
  /** @defaultValue [] */
  readonly notices?: readonly string[];
  /** The tool's name and version; the rule catalogue's version is added here. */
  readonly tool: Omit<RunReport['tool'], 'ruleCatalogueVersion'>;
  /** The plugins the run loaded. @defaultValue none (the report leaves the field out) */
  readonly plugins?: RunReport['plugins'];
}

/** Pure: the same input always gives the same report, so reports can be diffed between runs. */
export function buildRunReport(input: BuildRunReportInput): RunReport {
  const rules = sortResults(input.results);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { ...input.tool, ruleCatalogueVersion: RULE_CATALOGUE_VERSION },
    run: input.run,
    target: input.target,
    conformance: conformanceOf(rules, input.resourcesLeftBehind, input.run.stopped !== undefined),
    rules,
    totals: totalsOf(rules, input.resourcesLeftBehind),
    notices: [...(input.notices ?? [])],
    ...(input.plugins && input.plugins.length > 0 ? { plugins: input.plugins } : {}),
  };
}

/**
 * Conformant means shown to be conformant: every MUST rule that applies passed with evidence, or
 * failed only as a documented deviation (DESIGN.md, exit 0). A rule shown broken, or a leaked
 * resource, is not conformant; a run that could show neither (or that stopped before its end) is
 * inconclusive; a run where no rule could run at all is untested.
 */
export function conformanceOf(rules: readonly RuleResult[], resourcesLeftBehind: number, stopped = false): Conformance {
  const standings = rules.map(standing);
  if (resourcesLeftBehind > 0 || standings.includes('violation')) return 'not-conformant';
  if (!rules.some(ran)) return 'untested';
  if (stopped || standings.includes('unproven') || !standings.includes('passed')) return 'inconclusive';
  return standings.includes('excused') ? 'conformant-with-deviations' : 'conformant';
}

function totalsOf(rules: readonly RuleResult[], resourcesLeftBehind: number): RunReport['totals'] {
  const count = (status: RuleResult['status']) => rules.filter((r) => r.status === status).length;
  const sum = (pick: (r: RuleResult) => number) => rules.reduce((total, r) => total + pick(r), 0);
  return {
    passed: count('passed'),
    failed: count('failed'),
    inconclusive: count('inconclusive'),
    errors: count('error'),
    notApplicable: count('not-applicable'),
    skipped: count('skipped'),
    deviations: rules.filter((r) => standing(r) === 'excused').length,
    requests: sum((r) => r.requests),
    resourcesCreated: sum((r) => r.resourcesCreated),
    resourcesLeftBehind,
  };
}

const RULE_ORDER: ReadonlyMap<string, number> = new Map(RULE_IDS.map((id, index) => [id, index]));

/** Rule order is the public RULE_IDS order (the reading order of DESIGN.md), not the order tests finished; plugin rules come after, by id. */
function sortResults(results: readonly RuleResult[]): RuleResult[] {
  const rank = (r: RuleResult) => RULE_ORDER.get(r.rule) ?? RULE_IDS.length;
  // Array.prototype.sort is stable, so duplicates keep their input order.
  return [...results].sort((a, b) => rank(a) - rank(b) || compareText(a.rule, b.rule) || compareText(a.action, b.action));
}

/** Code-point order, not localeCompare: the result must not depend on the machine's locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
