import { parseArgs } from 'node:util';
// certification/verify.ts is imported once the arguments have parsed: `verify --help` answers at once.
import { isHarnessError } from '../../harness/errors.ts';

const USAGE = `Usage: ec2-idem verify DIR

Checks a certification bundle (ec2-idem certify, ec2-idem merge) without the network: the SHA-256
of every file and that no file was added, the schemas of certificate.json, report.json and
product.json, the fixed certification settings, every verdict and the level recomputed from
report.json, each failure's transcript in evidence.jsonl, and that the installed suite's rule
catalogue is the one that judged the bundle.

Exit: 0 valid (one line); 1 not valid (every reason listed); 2 usage (no such folder).
`;

export async function verifyCommand(argv: string[]): Promise<number> {
  let dirs: string[];
  try {
    const parsed = parseArgs({ args: argv, options: { help: { type: 'boolean' } }, allowPositionals: true, strict: true });
    if (parsed.values.help) return (process.stdout.write(USAGE), 0);
    dirs = parsed.positionals;
  } catch (error) {
    return usageError(`${(error as Error).message} (ec2-idem verify --help)`);
  }
  const [dir, ...extra] = dirs;
  if (dir === undefined || extra.length > 0) return usageError(`give exactly one bundle folder (got ${dirs.length})`);
  try {
    const { verifyBundle } = await import('../../certification/verify.ts');
    const { problems, summary } = await verifyBundle(dir);
    if (problems.length === 0) {
      process.stdout.write(`valid: ${summary}\n`);
      return 0;
    }
    process.stderr.write(`ec2-idem verify: ${dir} is not a valid certification bundle (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n`);
    for (const problem of problems) process.stderr.write(`  - ${problem}\n`);
    return 1;
  } catch (error) {
    if (isHarnessError(error)) return usageError(error.message);
    throw error;
  }
}

function usageError(message: string): number {
  process.stderr.write(`ec2-idem verify: ${message}\n`);
  return 2;
}
