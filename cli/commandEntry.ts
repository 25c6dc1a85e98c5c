import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isHarnessError } from '../harness/errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The parsed flags of a command whose options are `O`. */
export type FlagValues<O extends Options> = ReturnType<typeof parseArgs<{ options: O }>>['values'];

export interface CommandSpec<O extends Options> {
  /** The word after `ec2-idem`. */
  readonly name: string;
  readonly usage: string;
  /** The flags, `help` among them. */
  readonly options: O;
  /** @defaultValue false */
  readonly positionals?: boolean;
}

/**
 * One command's entry point: its flags parsed strictly, `--help` answered with its usage, and a
 * usage error (an unknown or malformed flag, or a HarnessError from the body: a bad target file, a
 * missing ledger) turned into one line on stderr and exit 2. Anything else is a bug and is thrown.
 */
export function commandEntry<O extends Options>(spec: CommandSpec<O>, body: (values: FlagValues<O>, positionals: string[]) => Promise<number>): (argv: string[]) => Promise<number> {
  return async (argv) => {
    try {
      const { values, positionals } = parseArgs({ args: argv, options: spec.options, allowPositionals: spec.positionals ?? false, strict: true });
      if ((values as { help?: unknown }).help === true) {
        process.stdout.write(spec.usage);
        return 0;
      }
      return await body(values as FlagValues<O>, positionals);
    } catch (error) {
      const badFlag = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true;
      if (!badFlag && !isHarnessError(error)) throw error;
      const hint = badFlag ? ` (ec2-idem ${spec.name} --help lists the options)` : '';
      process.stderr.write(`ec2-idem ${spec.name}: ${(error as Error).message}${hint}\n`);
      return 2;
    }
  };
}
