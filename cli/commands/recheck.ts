import { HarnessError } from '../../harness/errors.ts';
import { commandEntry, type FlagValues } from '../commandEntry.ts';
// The recheck itself (cli/recheckRun.ts: the harness, the RETENTION rule, the reports) is imported
// once the flags have parsed, so `ec2-idem recheck --help` answers at once.

const USAGE = `Usage: ec2-idem recheck --ledger FILE [options]

Sends again, hours or days later, the tokens an earlier run's RETENTION rule replayed at its end
(EC2 keeps a token at least 24 hours): each must still answer its first answer (or refuse as the
profile allows after its resources were deleted) and create nothing. Writes the usual reports;
deletes anything a replay created.

  --ledger FILE     the earlier run's ledger (its report directory's ledger.jsonl)
  --min-age TIME    refuse to run before the oldest token is this old: 24h (default), 90m, 30s, 0
  --target FILE     target file with the credentials (default: the one the run recorded)
  --run ID          which run of the ledger (default: its last run with retained tokens)
  --profile NAME    seed, aws-current or strict (default: the target's)
  --report-dir DIR  where reports go (default recheck-report/)
  --plugin PATH|PKG load a plugin, so that tokens of its actions are sent again too; repeat for
                    several (the target file's "plugins" are loaded as well)
  --allow-override  let a plugin replace a built-in action, as the run did

Exit: 0 every token kept; 1 a token forgotten or answered wrongly; 2 usage, too early, or a run
whose endpoint no longer exists (the embedded emulator).
`;

const OPTIONS = {
  ledger: { type: 'string' },
  'min-age': { type: 'string' },
  target: { type: 'string' },
  run: { type: 'string' },
  profile: { type: 'string' },
  'report-dir': { type: 'string' },
  plugin: { type: 'string', multiple: true },
  'allow-override': { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

export const recheckCommand = commandEntry({ name: 'recheck', usage: USAGE, options: OPTIONS }, async (values) => {
  if (!values.ledger) throw new HarnessError('EC2IDEM_USAGE', '--ledger FILE is required (a run writes it to its report directory as ledger.jsonl)');
  const { recheck } = await import('../recheckRun.ts');
  return recheck(values.ledger, values);
});

export type RecheckValues = FlagValues<typeof OPTIONS>;
