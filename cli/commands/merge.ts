import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
// certification/merge.ts is imported once the arguments have parsed: `merge --help` answers at once.
import { isHarnessError } from '../../harness/errors.ts';

const USAGE = `Usage: ec2-idem merge --out DIR SHARD_DIR...

Joins the bundles of every shard of one certification (ec2-idem certify --shard i/n, all with the
same --seed, target, product and settings) into one bundle that ec2-idem verify accepts: the
report rebuilt from the shards' results, their evidence concatenated, a new certificate.
Each shard is verified first.

  --out DIR   the merged bundle's folder (new or empty)
  --help      show this help

Exit: 0 merged; 1 a shard is not valid, or the shards are not one certification (every reason
listed); 2 usage (no --out, a folder that does not exist).
`;

export async function mergeCommand(argv: string[]): Promise<number> {
  let out: string | undefined;
  let dirs: string[];
  try {
    const parsed = parseArgs({ args: argv, options: { out: { type: 'string' }, help: { type: 'boolean' } }, allowPositionals: true, strict: true });
    if (parsed.values.help) return (process.stdout.write(USAGE), 0);
    out = parsed.values.out;
    dirs = parsed.positionals;
  } catch (error) {
    return usageError(`${(error as Error).message} (ec2-idem merge --help)`);
  }
  if (out === undefined) return usageError('--out DIR is required: the folder the merged bundle goes to');
  if (dirs.length === 0) return usageError('give the shard bundles to merge');
  for (const dir of dirs) {
    if (!(await stat(dir).catch(() => undefined))?.isDirectory()) return usageError(`${dir} is not a folder`);
  }
  try {
    const { mergeBundles } = await import('../../certification/merge.ts');
    const merged = await mergeBundles(out, dirs);
    if (merged.problems) {
      process.stderr.write(`ec2-idem merge: cannot merge (${merged.problems.length} problem${merged.problems.length === 1 ? '' : 's'}):\n`);
      for (const problem of merged.problems) process.stderr.write(`  - ${problem}\n`);
      return 1;
    }
    const { certificate } = merged;
    process.stdout.write(`merged ${dirs.length} shards into ${out}: ${certificate.verdict}, level ${certificate.level} · ${certificate.results.length} rule × action tests\n`);
    return 0;
  } catch (error) {
    if (isHarnessError(error)) return usageError(error.message);
    throw error;
  }
}

function usageError(message: string): number {
  process.stderr.write(`ec2-idem merge: ${message}\n`);
  return 2;
}
