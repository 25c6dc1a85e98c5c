import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { BUGS, LEGIT_VARIANTS, type BugName, type LegitVariantName } from '../emulator/bugs.ts';
import type { RuleId } from '../specs/ruleIds.ts';
import { writeKillMatrix, type MutantResult } from './killMatrix.ts';
import { failedRules, runAgainst } from './runAgainst.ts';

// `npm run mutants`: the suite must catch every seeded bug and pass every legitimate variant.
const { values } = parseArgs({ options: { seed: { type: 'string' }, bug: { type: 'string', multiple: true }, 'write-readme': { type: 'boolean' }, json: { type: 'string' }, from: { type: 'string' } } });
if (values.from) {
  // Rewrite the README's matrix from the results of an earlier run (`--json FILE`), without running again.
  const saved = JSON.parse(await readFile(values.from, 'utf8')) as { results: MutantResult[] };
  await writeKillMatrix(saved.results, 'README.md');
  process.exit(0);
}
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const bugs = (values.bug ?? Object.keys(BUGS)) as BugName[];
const out = (line: string) => process.stdout.write(`${line}\n`);

out(`mutation self-test · seed ${seed} · ${bugs.length} seeded bugs · ${Object.keys(LEGIT_VARIANTS).length} legitimate variants`);
out('');
out(`${'bug'.padEnd(34)} ${'rules expected'.padEnd(36)} ${'rules that failed'.padEnd(48)} ${'requests'.padStart(8)} ${'seconds'.padStart(8)}  verdict`);

const results: MutantResult[] = [];
for (const bug of bugs) {
  const run = await runAgainst({ bug }, { seed });
  const expected = BUGS[bug].rules as readonly RuleId[];
  const failed = failedRules(run.verdicts);
  const first = run.verdicts
    .filter((v) => expected.includes(v.rule) && v.failure?.foundAfter)
    .map((v) => v.failure!.foundAfter!)
    .sort((a, b) => a.ms - b.ms)[0];
  const killed = expected.every((rule) => failed.includes(rule));
  results.push({ name: bug, kind: 'bug', expected, failed, firstFailure: first, killed });
  out(`${bug.padEnd(34)} ${expected.join(',').padEnd(36)} ${(failed.join(',') || '-').padEnd(48)} ${String(first?.requests ?? '-').padStart(8)} ${(first ? (first.ms / 1000).toFixed(2) : '-').padStart(8)}  ${killed ? 'killed' : 'SURVIVED'}`);
}

out('');
for (const variant of Object.keys(LEGIT_VARIANTS) as LegitVariantName[]) {
  const run = await runAgainst({ variant }, { seed });
  const failed = failedRules(run.verdicts);
  results.push({ name: variant, kind: 'variant', expected: [], failed, killed: failed.length === 0 });
  const why = run.verdicts.find((v) => v.status === 'failed')?.failure?.message ?? '';
  out(`${`legitimate: ${variant}`.padEnd(34)} ${'(none)'.padEnd(36)} ${(failed.join(',') || '-').padEnd(48)} ${String(run.requests).padStart(8)} ${(run.durationMs / 1000).toFixed(2).padStart(8)}  ${failed.length === 0 ? 'passed' : `FALSE POSITIVE ${why}`}`);
}

const survivors = results.filter((r) => r.kind === 'bug' && !r.killed);
const falsePositives = results.filter((r) => r.kind === 'variant' && !r.killed);
const times = results.flatMap((r) => (r.firstFailure ? [r.firstFailure.ms] : [])).sort((a, b) => a - b);
const median = times.length ? times[Math.floor((times.length - 1) / 2)]! : 0;
out('');
out(`${results.filter((r) => r.kind === 'bug' && r.killed).length}/${bugs.length} bugs killed · ${survivors.length} survived · ${falsePositives.length} false positives · median time to first failure ${(median / 1000).toFixed(2)} s`);
if (values.json) await writeFile(values.json, `${JSON.stringify({ seed, results }, null, 2)}\n`);
if (values['write-readme']) await writeKillMatrix(results, 'README.md');
process.exitCode = survivors.length + falsePositives.length > 0 ? 1 : 0;
