import { actionsCommand } from './commands/actions.ts';
import { cleanupCommand } from './commands/cleanup.ts';
import { compareCommand } from './commands/compare.ts';
import { emulatorCommand } from './commands/emulator.ts';
import { recheckCommand } from './commands/recheck.ts';
import { runCommand } from './commands/run.ts';

const USAGE = `Usage: ec2-idem <command> [options]

Commands:
  run        run the conformance suite (default target: the embedded reference emulator)
  emulator   run the reference EC2 emulator in the foreground
  cleanup    delete what an earlier run left behind, from its ledger
  recheck    send an earlier run's retained tokens again, hours or days later (the 24-hour promise)
  actions    list every EC2 operation that takes a ClientToken, and which the suite, emulator and moto cover
  compare    put several endpoints' reports side by side: rules × actions × endpoints, as Markdown or HTML

ec2-idem <command> --help shows a command's options.
`;

const COMMANDS: Readonly<Record<string, (argv: string[]) => Promise<number>>> = {
  run: runCommand,
  emulator: (argv) => emulatorCommand(argv),
  cleanup: cleanupCommand,
  recheck: recheckCommand,
  actions: actionsCommand,
  compare: compareCommand,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  const handler = COMMANDS[command];
  if (!handler) {
    process.stderr.write(`ec2-idem: unknown command "${command}" (expected one of: ${Object.keys(COMMANDS).join(', ')})\n`);
    return 2;
  }
  return handler(rest);
}

process.exitCode = await main(process.argv.slice(2));
