import { HarnessError } from '../../harness/errors.ts';
import { commandEntry } from '../commandEntry.ts';
import { readLedger, type LedgerEntry, type RunEntry } from '../../harness/ledger.ts';
import type { LedgerPlugins } from '../ledgerTarget.ts';
// The harness's cleanup and target modules are imported once the flags have parsed, so that
// `ec2-idem cleanup --help` answers at once.

const USAGE = `Usage: ec2-idem cleanup --ledger FILE [--target FILE] [--run ID] [--plugin PATH|PKG]

Deletes everything a run created that is still alive: found by the run's tag, by the ids its
ledger recorded, and by the client-token filter for creates whose answer never arrived (a run
killed mid-flight). Safe to run twice. Prints what it removed.

  --ledger FILE   the run's ledger (conformance-report/ledger.jsonl)
  --target FILE   target file with the credentials (default: the one the run recorded, else
                  the ledger's endpoints with credentials from the AWS default chain)
  --run ID        only this run (default: every run in the ledger)
  --plugin PATH|PKG  load a plugin, so that its actions' resources are found too; repeat for
                  several (the target file's "plugins" are loaded as well)
  --allow-override   let a plugin replace a built-in action, as the run did
`;

const OPTIONS = {
  ledger: { type: 'string' },
  target: { type: 'string' },
  run: { type: 'string' },
  plugin: { type: 'string', multiple: true },
  'allow-override': { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

export const cleanupCommand = commandEntry({ name: 'cleanup', usage: USAGE, options: OPTIONS }, async (values) => {
  if (!values.ledger) throw new HarnessError('EC2IDEM_USAGE', '--ledger FILE is required (a run writes it to its report directory as ledger.jsonl)');
  const entries = readLedger(values.ledger);
  const { runsIn } = await import('../../harness/cleanup.ts');
  const runs = values.run ? [values.run] : runsIn(entries);
  if (runs.length === 0) throw new HarnessError('EC2IDEM_LEDGER', `ledger ${values.ledger} names no run`);
  let total = 0;
  let problems = 0;
  for (const run of runs) {
    const result = await cleanOne(entries, run, values.target, { flags: values.plugin, allowOverride: values['allow-override'] });
    total += result.removed;
    problems += result.problems;
  }
  process.stdout.write(total === 0 ? 'nothing left to remove' : `removed ${total} resource(s)`);
  process.stdout.write(problems === 0 ? '\n' : `; ${problems} place(s) could not be checked: run cleanup again once the endpoint answers\n`);
  return problems === 0 ? 0 : 1;
});

async function cleanOne(entries: readonly LedgerEntry[], run: string, targetFile: string | undefined, plugins: LedgerPlugins): Promise<{ removed: number; problems: number }> {
  const [{ cleanRun }, { cleanFixtures }, { resolveTarget }, { notLoaded, targetOfLedger }, { isKnownAction }] = await Promise.all([
    import('../../harness/cleanup.ts'),
    import('../../harness/fixtures/cleanFixtures.ts'),
    import('../../harness/target.ts'),
    import('../ledgerTarget.ts'),
    import('../../harness/actions/index.ts'),
  ]);
  const header = entries.find((e): e is RunEntry => e.t === 'run' && e.run === run);
  const target = resolveTarget(await targetOfLedger(header, targetFile, plugins));
  let removed = 0;
  let problems = 0;
  // An action no loaded plugin knows cannot be listed: say so rather than report the run clean.
  for (const action of (header?.actions ?? []).filter((a) => !isKnownAction(a))) {
    problems += 1;
    process.stdout.write(`run ${run}: ${action} resources were not looked for: ${notLoaded(action)}\n`);
  }
  for (const removal of await cleanRun(target, run, entries)) {
    if (removal.problem) {
      problems += 1;
      process.stdout.write(`run ${run}: ${removal.action} in ${removal.region} as ${removal.identity}: ${removal.problem}\n`);
    }
    if (removal.removed.length === 0) continue;
    removed += removal.removed.length;
    process.stdout.write(`run ${run}: removed ${removal.removed.length} ${removal.action} resource(s) in ${removal.region} as ${removal.identity}: ${removal.removed.join(', ')}\n`);
  }
  // Fixtures last: what the rules made may have depended on them.
  const cleaned = await cleanFixtures(target, run);
  if (cleaned.removed > 0) process.stdout.write(`run ${run}: removed ${cleaned.removed} fixture(s)\n`);
  for (const problem of cleaned.problems) process.stdout.write(`run ${run}: ${problem}\n`);
  return { removed: removed + cleaned.removed, problems: problems + cleaned.problems.length };
}
