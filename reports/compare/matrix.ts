import type { Conformance, RunReport } from '../model.ts';
import { RULE_IDS, type AnyRuleId } from '../../specs/ruleIds.ts';
import { cellOf, type Cell } from './cell.ts';
import { endpointLabels } from './labels.ts';
import { versionWarnings } from './versions.ts';

/** One column of the matrix: an endpoint and the run its report records. */
export interface Endpoint {
  readonly label: string;
  readonly target: string;
  /** The suite that wrote the report: `name version`. */
  readonly suite: string;
  readonly ruleCatalogueVersion: number;
  readonly startedAt: string;
  readonly seed: number;
  readonly runId: string;
  readonly conformance: Conformance;
  readonly totals: RunReport['totals'];
}

/**
 * - `differs`: the endpoints that ran the pair did not all get the same status;
 * - `same`: every endpoint ran it and all got the same status (documented or not);
 * - `partial`: some endpoint did not run it, and those that did agree.
 */
export type RowKind = 'differs' | 'same' | 'partial';

export interface MatrixRow {
  readonly rule: AnyRuleId;
  readonly action: string;
  /** One per endpoint, in column order; null where that report has no result for the pair. */
  readonly cells: readonly (Cell | null)[];
  readonly kind: RowKind;
}

export interface Matrix {
  readonly endpoints: readonly Endpoint[];
  /** Differing rows first, then the ones every endpoint agrees on, then those not run everywhere. */
  readonly rows: readonly MatrixRow[];
  /** What a reader must know before trusting a side-by-side reading (different rule catalogues, …). */
  readonly warnings: readonly string[];
}

const KIND_ORDER: readonly RowKind[] = ['differs', 'same', 'partial'];

/**
 * The rule × action × endpoint matrix of several run reports, in the order given. Within a group
 * rows follow the rule catalogue's order, then the order in which the reports list the actions.
 */
export function buildMatrix(reports: readonly RunReport[], labels: readonly string[] = []): Matrix {
  const names = endpointLabels(reports, labels);
  const endpoints = reports.map((report, i): Endpoint => ({
    label: names[i]!,
    target: report.target.name,
    suite: `${report.tool.name} ${report.tool.version}`,
    ruleCatalogueVersion: report.tool.ruleCatalogueVersion,
    startedAt: report.run.startedAt,
    seed: report.run.seed,
    runId: report.run.id,
    conformance: report.conformance,
    totals: report.totals,
  }));
  const actions = firstSeen(reports.flatMap((report) => report.rules.map((r) => r.action)));
  const lookup = reports.map((report) => {
    const byPair = new Map<string, Cell>();
    // A report lists each pair once; should one repeat it, the first result stands.
    for (const result of report.rules) if (!byPair.has(pairKey(result.rule, result.action))) byPair.set(pairKey(result.rule, result.action), cellOf(result));
    return byPair;
  });
  const rows: MatrixRow[] = [];
  // The built-in rules in their order, then plugin rules as the reports first name them.
  const pluginRules = firstSeen(reports.flatMap((report) => report.rules.map((r) => r.rule))).filter((rule) => !(RULE_IDS as readonly string[]).includes(rule));
  for (const rule of [...RULE_IDS, ...pluginRules]) {
    for (const action of actions) {
      const cells = lookup.map((byPair) => byPair.get(pairKey(rule, action)) ?? null);
      if (cells.every((c) => c === null)) continue;
      rows.push({ rule, action, cells, kind: rowKind(cells) });
    }
  }
  const ordered = KIND_ORDER.flatMap((kind) => rows.filter((row) => row.kind === kind));
  return { endpoints, rows: ordered, warnings: versionWarnings(endpoints) };
}

export function rowKind(cells: readonly (Cell | null)[]): RowKind {
  const ran = cells.filter((c): c is Cell => c !== null);
  if (new Set(ran.map((c) => c.status)).size > 1) return 'differs';
  return ran.length === cells.length ? 'same' : 'partial';
}

function pairKey(rule: string, action: string): string {
  return `${rule}\u0000${action}`;
}

function firstSeen(values: readonly string[]): string[] {
  return [...new Set(values)];
}
