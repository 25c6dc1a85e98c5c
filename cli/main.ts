const USAGE = `Usage: ec2-idem <command> [options]

Commands:
  run        run the conformance suite (default target: the embedded reference emulator)
  emulator   run the reference EC2 emulator in the foreground
  cleanup    delete what an earlier run left behind, from its ledger
  recheck    send an earlier run's retained tokens again, hours or days later (the 24-hour promise)
  actions    list every EC2 operation that takes a ClientToken, and which the suite, emulator and moto cover
  compare    put several endpoints' reports side by side: rules × actions × endpoints, as Markdown or HTML
  certify    a certification run under fixed settings, written as a bundle with evidence and a certificate
  verify     check a certification bundle offline: digests, schemas, settings, verdicts, evidence
  merge      join the bundles of the shards of one certification into one bundle

ec2-idem <command> --help shows a command's options.
`;

type Command = (argv: string[]) => Promise<number>;

// Each command is imported only when it is the one asked for: `run` pulls in the whole suite,
// and `--help` or `emulator` should not wait for that. (A new command: one line here.)
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  run: async () => (await import('./commands/run.ts')).runCommand,
  emulator: async () => {
    const { emulatorCommand } = await import('./commands/emulator.ts');
    return (argv) => emulatorCommand(argv);
  },
  cleanup: async () => (await import('./commands/cleanup.ts')).cleanupCommand,
  recheck: async () => (await import('./commands/recheck.ts')).recheckCommand,
  actions: async () => (await import('./commands/actions.ts')).actionsCommand,
  compare: async () => (await import('./commands/compare.ts')).compareCommand,
  certify: async () => (await import('./commands/certify.ts')).certifyCommand,
  verify: async () => (await import('./commands/verify.ts')).verifyCommand,
  merge: async () => (await import('./commands/merge.ts')).mergeCommand,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  const load = COMMANDS[command];
  if (!load) {
    process.stderr.write(`ec2-idem: unknown command "${command}" (expected one of: ${Object.keys(COMMANDS).join(', ')})\n`);
    return 2;
  }
  return (await load())(rest);
}

process.exitCode = await main(process.argv.slice(2));
