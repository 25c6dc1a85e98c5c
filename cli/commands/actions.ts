import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readCatalogue, type CatalogueOperation } from '../../catalogue/catalogue.ts';
import { BUILTIN_ACTIONS } from '../../emulator/router.ts';
import { ACTION_ADAPTERS } from '../../harness/actions/index.ts';

const DEFAULT_MOTO_REPORT = '.tmp/moto-report/report.json';

const USAGE = `Usage: ec2-idem actions [--json] [--moto-report FILE]

Lists every EC2 operation that takes a ClientToken (catalogue/ec2-client-token-operations.json,
generated from the pinned AWS SDK's EC2 model by npm run catalogue), one row each: the token's
member path, whether the model marks it with the idempotencyToken trait, its documented maximum
length, whether this suite has an adapter for it, whether the reference emulator implements it,
and how moto did in its last run. Covered operations first, then alphabetically.

  --json               print the rows as JSON instead of a table
  --moto-report FILE   the moto run's report.json (default: ${DEFAULT_MOTO_REPORT}, written by npm run moto)
`;

/** What moto did for one action in a run's report. */
export interface MotoSummary {
  /** Rules that passed. */
  readonly passed: number;
  /** Rules that applied to the action (every result but not-applicable). */
  readonly applicable: number;
  /** Failed or inconclusive results the target's expectations document. */
  readonly deviations: number;
  /** Results that did not pass and are not documented (failed, inconclusive, error, skipped). */
  readonly undocumented: number;
  readonly notApplicable: number;
}

export interface ActionRow {
  readonly action: string;
  readonly tokenMember: string;
  readonly idempotencyToken: boolean;
  readonly tokenMaxLength: number | null;
  /** The suite has an adapter for it (harness/actions/index.ts), so every generic rule runs on it. */
  readonly suite: boolean;
  /** The reference emulator implements it (emulator/router.ts). */
  readonly emulator: boolean;
  /** What the last moto run showed for it; null when that run did not test it (or there is no run). */
  readonly moto: MotoSummary | null;
  /** `moto` in words: "x/y rules passed, z documented deviations", or "not tested". */
  readonly motoText: string;
}

interface MotoReport {
  readonly file: string;
  readonly byAction: ReadonlyMap<string, MotoSummary>;
  readonly runId: string;
  readonly target: string;
}

interface RuleResultLike {
  readonly action?: unknown;
  readonly status?: unknown;
  readonly deviation?: unknown;
}

export async function actionsCommand(argv: string[]): Promise<number> {
  let values: { json?: boolean; 'moto-report'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { json: { type: 'boolean' }, 'moto-report': { type: 'string' }, help: { type: 'boolean' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    process.stderr.write(`ec2-idem actions: ${(error as Error).message}\n`);
    return 2;
  }
  if (values.help) return (process.stdout.write(USAGE), 0);
  let operations: readonly CatalogueOperation[];
  let moto: MotoReport | null;
  try {
    operations = readCatalogue().operations;
    moto = readMotoReport(values['moto-report'] ?? DEFAULT_MOTO_REPORT, values['moto-report'] !== undefined);
  } catch (error) {
    process.stderr.write(`ec2-idem actions: ${(error as Error).message}\n`);
    return 2;
  }
  const rows = actionRows(operations, moto);
  // A listing is often piped into head or grep: a reader that stops early is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const covered = rows.filter((r) => r.suite || r.emulator).length;
  const source = moto
    ? `moto: ${moto.file}, run ${moto.runId} against ${moto.target}.`
    : `moto: no report at ${DEFAULT_MOTO_REPORT} (npm run moto writes it; --moto-report FILE reads another).`;
  process.stdout.write(`${table(rows)}\n${rows.length} operations take a ClientToken; ${covered} covered (suite adapter or emulator).\n${source}\n`);
  return 0;
}

/** The rows, covered operations (adapter or emulator) first, then alphabetically. */
export function actionRows(operations: readonly CatalogueOperation[], moto: MotoReport | null): ActionRow[] {
  const rows = operations.map((op): ActionRow => {
    const summary = moto?.byAction.get(op.name) ?? null;
    return {
      action: op.name,
      tokenMember: op.tokenMember,
      idempotencyToken: op.idempotencyToken,
      tokenMaxLength: op.tokenMaxLength,
      suite: Object.hasOwn(ACTION_ADAPTERS, op.name),
      emulator: Object.hasOwn(BUILTIN_ACTIONS, op.name),
      moto: summary,
      motoText: summary ? motoText(summary) : 'not tested',
    };
  });
  const rank = (r: ActionRow) => (r.suite ? 0 : 1) + (r.emulator ? 0 : 1);
  return rows.sort((a, b) => rank(a) - rank(b) || (a.action < b.action ? -1 : a.action > b.action ? 1 : 0));
}

function motoText(s: MotoSummary): string {
  const parts = [`${s.passed}/${s.applicable} rules passed`, `${s.deviations} documented deviation${s.deviations === 1 ? '' : 's'}`];
  if (s.undocumented > 0) parts.push(`${s.undocumented} undocumented`);
  if (s.notApplicable > 0) parts.push(`${s.notApplicable} not applicable`);
  return parts.join(', ');
}

/** Reads a run's report.json; null when the default file is absent, an error when a named one is unreadable. */
function readMotoReport(file: string, named: boolean): MotoReport | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (!named && (error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`cannot read the moto report ${file}: ${(error as Error).message}`);
  }
  let report: { rules?: unknown; run?: { id?: unknown }; target?: { name?: unknown } };
  try {
    report = JSON.parse(text) as typeof report;
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(report.rules)) throw new Error(`${file} is not a run report (it has no rules array)`);
  const counts = new Map<string, { passed: number; applicable: number; deviations: number; undocumented: number; notApplicable: number }>();
  for (const result of report.rules as RuleResultLike[]) {
    if (typeof result.action !== 'string' || typeof result.status !== 'string') continue;
    const c = counts.get(result.action) ?? { passed: 0, applicable: 0, deviations: 0, undocumented: 0, notApplicable: 0 };
    counts.set(result.action, c);
    if (result.status === 'not-applicable') {
      c.notApplicable += 1;
      continue;
    }
    c.applicable += 1;
    if (result.status === 'passed') c.passed += 1;
    else if (result.deviation !== undefined && result.deviation !== null) c.deviations += 1;
    else c.undocumented += 1;
  }
  return { file, byAction: counts, runId: String(report.run?.id ?? '?'), target: String(report.target?.name ?? '?') };
}

function table(rows: readonly ActionRow[]): string {
  const header = ['ACTION', 'TOKEN MEMBER', 'TRAIT', 'LIMIT', 'SUITE', 'EMULATOR', 'MOTO'];
  const cells = rows.map((r) => [r.action, r.tokenMember, yesNo(r.idempotencyToken), r.tokenMaxLength === null ? '-' : String(r.tokenMaxLength), yesNo(r.suite), yesNo(r.emulator), r.motoText]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => `${c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i]!))).join('  ')}\n`;
  return [header, ...cells].map(line).join('');
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}
