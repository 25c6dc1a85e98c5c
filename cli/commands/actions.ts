import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readCatalogue, type CatalogueOperation } from '../../catalogue/catalogue.ts';
import { isBuiltinEmulatorAction } from '../../emulator/actionNames.ts';
import { ACTION_ADAPTERS } from '../../harness/actions/index.ts';
import type { Plugin } from '../../plugins/plugin.ts';

const DEFAULT_MOTO_REPORT = '.tmp/moto-report/report.json';

const USAGE = `Usage: ec2-idem actions [--json] [--moto-report FILE] [--plugin PATH|PKG]…

Lists every EC2 operation that takes a ClientToken (catalogue/ec2-client-token-operations.json,
generated from the pinned AWS SDK's EC2 model by npm run catalogue), one row each: the token's
member path, whether the model marks it with the idempotencyToken trait, its documented maximum
length, whether this suite has an adapter for it, whether the reference emulator implements it,
and how moto did in its last run. Covered operations first, then alphabetically.

  --json               print the rows as JSON instead of a table
  --moto-report FILE   the moto run's report.json (default: ${DEFAULT_MOTO_REPORT}, written by npm run moto)
  --plugin PATH|PKG    load a plugin: its actions count as covered (SUITE and EMULATOR say which
                       plugin), and its rules are listed after the table; repeat for several
  --target FILE        load the plugins a target file names
  --allow-override     let a plugin replace a built-in action
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
  /** The reference emulator implements it (emulator/router.ts, or a plugin's emulator action). */
  readonly emulator: boolean;
  /** The plugin that brings its adapter or emulator action, when a plugin does. */
  readonly plugin?: string;
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
  let values: { json?: boolean; 'moto-report'?: string; plugin?: string[]; target?: string; 'allow-override'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, 'moto-report': { type: 'string' }, plugin: { type: 'string', multiple: true }, target: { type: 'string' }, 'allow-override': { type: 'boolean' }, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`ec2-idem actions: ${(error as Error).message}\n`);
    return 2;
  }
  if (values.help) return (process.stdout.write(USAGE), 0);
  let operations: readonly CatalogueOperation[];
  let moto: MotoReport | null;
  let plugins: readonly Plugin[];
  try {
    operations = readCatalogue().operations;
    moto = readMotoReport(values['moto-report'] ?? DEFAULT_MOTO_REPORT, values['moto-report'] !== undefined);
    // Plugins (and the rule catalogue their rules join) load only when asked for.
    if (values.plugin?.length || values.target) {
      const { setUpPlugins } = await import('../pluginFlags.ts');
      await setUpPlugins({ flags: values.plugin ?? [], ...(values.target ? { targetFile: values.target } : {}), allowOverride: values['allow-override'] === true });
      plugins = (await import('../../plugins/registry.ts')).activePlugins();
    } else {
      plugins = [];
    }
  } catch (error) {
    process.stderr.write(`ec2-idem actions: ${(error as Error).message}\n`);
    return 2;
  }
  const rows = actionRows(operations, moto, plugins);
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
  process.stdout.write(`${table(rows)}\n${rows.length} operations take a ClientToken; ${covered} covered (suite adapter or emulator).\n${source}\n${pluginLines(plugins)}`);
  return 0;
}

/** One line per loaded plugin: its name, version, actions, rules and seeded bugs. */
function pluginLines(plugins: readonly Plugin[]): string {
  return plugins
    .map((p) => {
      const list = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : 'none');
      return `plugin ${p.name} ${p.version}: actions ${list((p.actions ?? []).map((a) => a.name))}; emulator actions ${list(Object.keys(p.emulatorActions ?? {}))}; rules ${list((p.rules ?? []).map((r) => `${r.id} (${r.strength})`))}; seeded bugs ${list((p.bugs ?? []).map((b) => b.name))}\n`;
    })
    .join('');
}

/**
 * The rows, covered operations (adapter or emulator) first, then alphabetically. A plugin's action
 * counts as covered by the plugin; one the SDK's model does not list (a vendor's own) gets a row too.
 */
export function actionRows(operations: readonly CatalogueOperation[], moto: MotoReport | null, plugins: readonly Plugin[] = []): ActionRow[] {
  const adapterOf = (name: string) => plugins.find((p) => (p.actions ?? []).some((a) => a.name === name));
  const servedBy = (name: string) => plugins.find((p) => Object.hasOwn(p.emulatorActions ?? {}, name));
  const pluginOnly = plugins.flatMap((p) => (p.actions ?? []).filter((a) => !operations.some((op) => op.name === a.name)).map((a) => ({ name: a.name, tokenMember: 'ClientToken', idempotencyToken: false, tokenMaxLength: a.tokenLimit })));
  const rows = [...operations, ...pluginOnly].map((op): ActionRow => {
    const summary = moto?.byAction.get(op.name) ?? null;
    const plugin = adapterOf(op.name) ?? servedBy(op.name);
    return {
      action: op.name,
      tokenMember: op.tokenMember,
      idempotencyToken: op.idempotencyToken,
      tokenMaxLength: op.tokenMaxLength,
      suite: Object.hasOwn(ACTION_ADAPTERS, op.name) || adapterOf(op.name) !== undefined,
      emulator: isBuiltinEmulatorAction(op.name) || servedBy(op.name) !== undefined,
      ...(plugin ? { plugin: plugin.name } : {}),
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
  const by = (r: ActionRow, covered: boolean) => (covered && r.plugin ? `yes (${r.plugin})` : yesNo(covered));
  const cells = rows.map((r) => [r.action, r.tokenMember, yesNo(r.idempotencyToken), r.tokenMaxLength === null ? '-' : String(r.tokenMaxLength), by(r, r.suite), by(r, r.emulator), r.motoText]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => `${c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i]!))).join('  ')}\n`;
  return [header, ...cells].map(line).join('');
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}
