import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { BUGS, LEGIT_VARIANTS, type BugSpec, type LegitVariantName } from '../emulator/bugs.ts';
import { isKnownAction } from '../harness/actions/index.ts';
import type { ActionName } from '../harness/target.ts';
import { loadPlugins } from '../plugins/load.ts';
import { activatePlugins } from '../plugins/registry.ts';
import type { AnyRuleId } from '../specs/ruleIds.ts';
import { writeKillMatrix, type MutantResult } from './killMatrix.ts';
import { notPassed, rulesToRun, runAgainst, violatedRules } from './runAgainst.ts';

// `npm run mutants`: the suite must catch every seeded bug with a rule violation (a crash, a timeout
// or an inconclusive rule does not count), refuse to call a vacuous endpoint conformant, and pass
// every legitimate variant with evidence under several seeds in a row. A bug's run is its expected
// rules only (--all-rules runs every rule, to see what else catches it: the README's kill matrix);
// a variant's run is every rule, with fewer cases per seed and more seeds. `--plugin PATH|PKG`
// (repeatable) adds a plugin's rules and actions to every run, and its seeded bugs to the list.
const { values } = parseArgs({
  options: {
    plugin: { type: 'string', multiple: true },
    'allow-override': { type: 'boolean' },
    seed: { type: 'string' },
    bug: { type: 'string', multiple: true },
    'variant-seeds': { type: 'string' },
    'variant-runs': { type: 'string' },
    'all-rules': { type: 'boolean' },
    'write-readme': { type: 'boolean' },
    json: { type: 'string' },
    from: { type: 'string' },
  },
});
if (values.from) {
  // Rewrite the README's matrix from the results of an earlier run (`--json FILE`), without running again.
  const saved = JSON.parse(await readFile(values.from, 'utf8')) as { results: MutantResult[] };
  await writeKillMatrix(saved.results, 'README.md');
  process.exit(0);
}
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const variantSeeds = Number(values['variant-seeds'] ?? 10);
const variantRuns = Number(values['variant-runs'] ?? 10);
const allRules = values['all-rules'] === true || values['write-readme'] === true;
const loaded = await loadPlugins(values.plugin ?? []);
activatePlugins(loaded.map((l) => l.plugin), { allowOverride: values['allow-override'] === true, sources: loaded.map((l) => l.source) });
// A plugin's bug lives in its own actions unless it says otherwise.
const pluginBugs = new Map(
  loaded.flatMap(({ plugin }) => (plugin.bugs ?? []).map((bug) => [bug.name, { plugin: plugin.name, spec: { summary: bug.summary, rules: bug.rules, actions: bug.actions ?? (plugin.actions ?? []).map((a) => a.name), ...(bug.options ? { options: bug.options } : {}) } satisfies BugSpec }] as const)),
);
const specOf = (bug: string): BugSpec | undefined => (Object.hasOwn(BUGS, bug) ? BUGS[bug as keyof typeof BUGS] : pluginBugs.get(bug)?.spec);
const bugs = values.bug ?? [...Object.keys(BUGS), ...pluginBugs.keys()];
const unknownBug = bugs.find((bug) => specOf(bug) === undefined);
if (unknownBug !== undefined) throw new Error(`--bug ${unknownBug}: no such seeded bug (built-in, or of a --plugin)`);
const variants = values.bug ? [] : (Object.keys(LEGIT_VARIANTS) as LegitVariantName[]);
const out = (line: string) => process.stdout.write(`${line}\n`);

out(`mutation self-test · seed ${seed} · ${bugs.length} seeded bugs (${allRules ? 'every rule' : 'their expected rules'}) · ${variants.length} legitimate variants × ${variantSeeds} seeds (${seed}…${seed + variantSeeds - 1}), ${variantRuns} cases per rule`);
out('');
out(`${'bug'.padEnd(34)} ${'rules expected'.padEnd(36)} ${'rules violated'.padEnd(48)} ${'requests'.padStart(8)} ${'seconds'.padStart(8)}  verdict`);

const results: MutantResult[] = [];
let waiting = 0;
for (const bug of bugs) {
  const spec: BugSpec = specOf(bug)!;
  const plugin = pluginBugs.get(bug)?.plugin;
  const expected = spec.rules as readonly AnyRuleId[];
  // A bug in an action the suite cannot test yet is reported, never counted as caught.
  const unadapted = (spec.actions ?? []).filter((action) => !isKnownAction(action));
  if (unadapted.length > 0) {
    waiting += 1;
    out(`${bug.padEnd(34)} ${expected.join(',').padEnd(36)} ${`waiting for an adapter: ${unadapted.join(', ')}`.padEnd(48)} ${'-'.padStart(8)} ${'-'.padStart(8)}  not counted`);
    continue;
  }
  const actions = spec.actions as readonly ActionName[] | undefined;
  const run = await runAgainst({ bug }, { seed, only: allRules ? undefined : rulesToRun(expected), actions });
  const violated = violatedRules(run.verdicts);
  const first = run.verdicts
    .filter((v) => expected.includes(v.rule) && v.status === 'failed' && v.failure?.foundAfter)
    .map((v) => v.failure!.foundAfter!)
    .sort((a, b) => a.ms - b.ms)[0];
  // A vacuous endpoint (nothing to test) is caught when the run refuses it; any other bug when each expected rule is violated.
  const refused = run.conformance !== 'conformant' && run.conformance !== 'conformant-with-deviations';
  const killed = 'verdict' in spec && spec.verdict === 'untested' ? run.conformance === 'untested' : refused && expected.every((rule) => violated.includes(rule));
  results.push({ name: bug, kind: 'bug', expected, failed: violated, firstFailure: first, killed, verdict: run.conformance, ...(plugin ? { plugin } : {}) });
  const shown = 'verdict' in spec ? `run ${run.conformance}: ${(run.stopped ?? '').slice(0, 40)}` : violated.join(',') || '-';
  out(`${bug.padEnd(34)} ${(expected.join(',') || `(${run.conformance === 'untested' ? 'untested' : 'verdict'})`).padEnd(36)} ${shown.padEnd(48)} ${String(first?.requests ?? '-').padStart(8)} ${(first ? (first.ms / 1000).toFixed(2) : '-').padStart(8)}  ${killed ? 'killed' : `SURVIVED (run ${run.conformance})`}`);
}

out('');
for (const variant of variants) {
  const failures: string[] = [];
  let requests = 0;
  let ms = 0;
  for (let n = 0; n < variantSeeds; n += 1) {
    const run = await runAgainst({ variant }, { seed: seed + n, runs: variantRuns });
    requests += run.requests;
    ms += run.durationMs;
    const missing = notPassed(run.verdicts);
    if (run.conformance !== 'conformant' || missing.length > 0) {
      const why = missing[0] ? `${missing[0].rule} ${missing[0].action} ${missing[0].status}: ${missing[0].failure?.message ?? missing[0].reason ?? ''}` : (run.stopped ?? run.conformance);
      failures.push(`seed ${seed + n}: ${why}`);
    }
  }
  const passed = failures.length === 0;
  results.push({ name: variant, kind: 'variant', expected: [], failed: [], killed: passed });
  out(`${`legitimate: ${variant}`.padEnd(34)} ${`(${variantSeeds} seeds)`.padEnd(36)} ${(passed ? '-' : `${failures.length} of ${variantSeeds} seeds`).padEnd(48)} ${String(requests).padStart(8)} ${(ms / 1000).toFixed(2).padStart(8)}  ${passed ? 'passed with evidence' : `FALSE POSITIVE ${failures[0]}`}`);
}

const killedCount = results.filter((r) => r.kind === 'bug' && r.killed).length;
const survivors = results.filter((r) => r.kind === 'bug' && !r.killed);
const falsePositives = results.filter((r) => r.kind === 'variant' && !r.killed);
const times = results.flatMap((r) => (r.firstFailure ? [r.firstFailure.ms] : [])).sort((a, b) => a - b);
const median = times.length ? times[Math.floor((times.length - 1) / 2)]! : 0;
out('');
out(`${killedCount}/${bugs.length - waiting} killed${waiting > 0 ? ` (${waiting} more wait for an adapter of their action)` : ''} · ${survivors.length} survived · ${falsePositives.length} false positives in ${variants.length} variants × ${variantSeeds} seeds · median time to first failure ${(median / 1000).toFixed(2)} s`);
if (values.json) await writeFile(values.json, `${JSON.stringify({ seed, results }, null, 2)}\n`);
if (values['write-readme']) await writeKillMatrix(results, 'README.md');
process.exitCode = survivors.length + falsePositives.length > 0 ? 1 : 0;
