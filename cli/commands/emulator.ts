// `ec2-idem emulator`: runs the reference EC2 emulator in the foreground until SIGINT/SIGTERM.
// The first line on stdout carries the URL, so scripts can wait for it and read the port.
import { parseArgs } from 'node:util';
import { BUGS, LEGIT_VARIANTS, isBugName, isLegitVariantName } from '../../emulator/bugs.ts';
import { resolveEmulatorOptions } from '../../emulator/options.ts';
import type { EmulatorOptions } from '../../emulator/options.ts';
import type { Plugin } from '../../plugins/plugin.ts';
// emulator/server.ts (the actions, XML, signatures) is imported by serve(): --help and --list-bugs do not load it.

/** The plugins of --plugin, loaded and checked as `ec2-idem run` loads them (cli/pluginFlags.ts). */
async function loadPlugins(flags: readonly string[] | undefined, allowOverride: boolean): Promise<readonly Plugin[]> {
  if (flags === undefined) return [];
  const [{ setUpPlugins }, { activePlugins }] = await Promise.all([import('../pluginFlags.ts'), import('../../plugins/registry.ts')]);
  await setUpPlugins({ flags, allowOverride });
  return activePlugins();
}

/** Where the command writes, and an optional stop signal (tests use it instead of a real SIGINT). */
export interface EmulatorCommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  stop?: AbortSignal;
}

const DEFAULT_PORT = 8787;

const USAGE = `Usage: ec2-idem emulator [options]

Runs the reference EC2 emulator (EC2 Query API, ClientToken idempotency) until SIGINT/SIGTERM.

  --port N                          port to listen on; 0 picks a free one (default ${DEFAULT_PORT})
  --host H                          interface to bind (default 127.0.0.1)
  --region R                        region to serve; repeat for several (default us-east-1, us-west-2, eu-west-1)
  --account-id ID                   12-digit account for access keys that are neither 12 digits nor known
  --known-key-from-env              verify signatures made with AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY
  --strict-auth                     refuse unsigned requests and unknown access keys (401 AuthFailure)
  --terminated-replay replay|error  answer to a RunInstances replay after termination (default replay)
  --bug NAME                        activate a seeded bug (see --list-bugs)
  --variant NAME                    activate a legitimate variant (see --list-bugs)
  --unavailable-rate X              share of requests answered 503 Unavailable
  --throttle-rate X                 share of requests answered 503 RequestLimitExceeded
  --commit-then-500-rate X          share of token creates that commit, then answer 500
  --latency-ms N                    delay before every answer
  --critical-section-latency-ms N   delay between token lookup and commit
  --seed N                          seed of the fault PRNG
  --plugin PATH|PKG                 serve a plugin's emulator actions (and make its seeded bugs
                                    nameable by --bug); repeat for several
  --allow-override                  let a plugin replace a built-in emulator action
  --list-bugs                       list seeded bugs (the plugins' too) and legitimate variants, then exit
  --help                            show this help, then exit
`;

const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  region: { type: 'string', multiple: true },
  'account-id': { type: 'string' },
  'known-key-from-env': { type: 'boolean' },
  'strict-auth': { type: 'boolean' },
  'terminated-replay': { type: 'string' },
  bug: { type: 'string' },
  variant: { type: 'string' },
  'unavailable-rate': { type: 'string' },
  'throttle-rate': { type: 'string' },
  'commit-then-500-rate': { type: 'string' },
  'latency-ms': { type: 'string' },
  'critical-section-latency-ms': { type: 'string' },
  seed: { type: 'string' },
  plugin: { type: 'string', multiple: true },
  'allow-override': { type: 'boolean' },
  'list-bugs': { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

type Flags = ReturnType<typeof parseArgs<{ options: typeof FLAGS; strict: true }>>['values'];

class UsageError extends Error {}

function number(flag: string, raw: string | undefined, min: number, max: number, integer: boolean, example: string): number | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    const kind = integer ? 'an integer' : 'a number';
    throw new UsageError(`--${flag} must be ${kind} from ${min} to ${max} (got "${raw}"); e.g. --${flag} ${example}`);
  }
  return value;
}

function oneOf<T extends string>(flag: string, raw: string | undefined, allowed: readonly T[]): T | undefined {
  if (raw === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(raw)) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got "${raw}")`);
  return raw as T;
}

function named(flag: string, raw: string | undefined, known: (name: string) => boolean): string | undefined {
  if (raw === undefined) return undefined;
  if (!known(raw)) throw new UsageError(`--${flag} "${raw}" is unknown; run ec2-idem emulator --list-bugs for the names`);
  return raw;
}

function knownKeyFromEnv(accountId: string | undefined): EmulatorOptions['accounts'] {
  const accessKeyId = process.env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw new UsageError('--known-key-from-env needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment');
  }
  return { [accessKeyId]: { accountId: accountId ?? '123456789012', secretAccessKey } };
}

function faultsFrom(flags: Flags): EmulatorOptions['faults'] {
  const faults = {
    unavailableRate: number('unavailable-rate', flags['unavailable-rate'], 0, 1, false, '0.2'),
    throttleRate: number('throttle-rate', flags['throttle-rate'], 0, 1, false, '0.2'),
    commitThen500Rate: number('commit-then-500-rate', flags['commit-then-500-rate'], 0, 1, false, '0.2'),
    responseLatencyMs: number('latency-ms', flags['latency-ms'], 0, 60_000, true, '20'),
    criticalSectionLatencyMs: number('critical-section-latency-ms', flags['critical-section-latency-ms'], 0, 60_000, true, '20'),
    seed: number('seed', flags.seed, -(2 ** 31), 2 ** 31 - 1, true, '42'),
  };
  // Unset flags must not override what a --bug or --variant brings.
  return Object.fromEntries(Object.entries(faults).filter(([, value]) => value !== undefined));
}

function optionsFrom(flags: Flags, plugins: readonly Plugin[]): EmulatorOptions {
  const pluginBugs = new Set(plugins.flatMap((plugin) => (plugin.bugs ?? []).map((bug) => bug.name)));
  const accountId = flags['account-id'];
  if (accountId !== undefined && !/^\d{12}$/.test(accountId)) {
    throw new UsageError(`--account-id must be 12 digits (got "${accountId}"); e.g. --account-id 123456789012`);
  }
  const options: EmulatorOptions = {
    host: flags.host ?? '127.0.0.1',
    port: number('port', flags.port, 0, 65_535, true, String(DEFAULT_PORT)) ?? DEFAULT_PORT,
    regions: flags.region,
    defaultAccount: accountId,
    accounts: flags['known-key-from-env'] ? knownKeyFromEnv(accountId) : undefined,
    strictAuth: flags['strict-auth'],
    terminatedReplay: oneOf('terminated-replay', flags['terminated-replay'], ['replay', 'error']),
    bug: named('bug', flags.bug, (name) => isBugName(name) || pluginBugs.has(name)),
    variant: named('variant', flags.variant, isLegitVariantName) as EmulatorOptions['variant'],
    faults: faultsFrom(flags),
  };
  // Absent flags leave the emulator's own defaults (and a bug's or variant's settings) in place.
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

function catalogue(plugins: readonly Plugin[]): string {
  const builtIn = Object.entries(BUGS).map(([name, bug]) => `  ${name.padEnd(34)} [${bug.rules.join(', ')}] ${bug.summary}`);
  const ofPlugins = plugins.flatMap((plugin) => (plugin.bugs ?? []).map((bug) => `  ${bug.name.padEnd(34)} [${bug.rules.join(', ')}] ${bug.summary} (plugin ${plugin.name})`));
  const bugs = [...builtIn, ...ofPlugins];
  const variants = Object.entries(LEGIT_VARIANTS).map(([name, options]) => `  ${name.padEnd(34)} ${JSON.stringify(options)}`);
  return ['Seeded bugs (--bug NAME), with the rules that must catch them:', ...bugs, '', 'Legitimate variants (--variant NAME):', ...variants, ''].join('\n');
}

function untilStopped(stop: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      stop?.removeEventListener('abort', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    if (stop?.aborted) done();
    else stop?.addEventListener('abort', done, { once: true });
  });
}

async function serve(options: EmulatorOptions, plugins: readonly Plugin[], allowOverride: boolean, io: EmulatorCommandIo): Promise<number> {
  const [{ startEmulator }, { pluginEmulatorSetup }] = await Promise.all([import('../../emulator/server.ts'), import('../../plugins/emulatorActions.ts')]);
  // The plugins' actions go through the emulator's one idempotency layer, and their bugs become nameable.
  const setup = pluginEmulatorSetup(plugins, options, allowOverride);
  const resolved = resolveEmulatorOptions(setup.options);
  const emulator = await startEmulator(resolved, setup.actions);
  io.stdout.write(`ec2-idem emulator listening on ${emulator.url} (regions ${resolved.regions.join(', ')})\n`);
  if (options.bug) io.stdout.write(`seeded bug active: ${options.bug} — this emulator is wrong on purpose\n`);
  if (options.variant) io.stdout.write(`legitimate variant active: ${options.variant}\n`);
  for (const plugin of plugins) io.stdout.write(`plugin ${plugin.name} ${plugin.version}: serving ${Object.keys(plugin.emulatorActions ?? {}).join(', ') || 'no actions'}\n`);
  for (const override of setup.overrides) io.stdout.write(`override: ${override}\n`);
  await untilStopped(io.stop);
  await emulator.close();
  return 0;
}

/** `ec2-idem emulator …`: 0 after a clean stop, 2 for a bad flag or an emulator that cannot start. */
export async function emulatorCommand(argv: string[], io: EmulatorCommandIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  try {
    const { values: flags } = parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: false });
    if (flags.help) return (io.stdout.write(USAGE), 0);
    const plugins = await loadPlugins(flags.plugin, flags['allow-override'] === true);
    if (flags['list-bugs']) return (io.stdout.write(catalogue(plugins)), 0);
    return await serve(optionsFrom(flags, plugins), plugins, flags['allow-override'] === true, io);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    // node:util's own parse errors name the flag but not the fix.
    const hint = String((error as { code?: unknown } | null)?.code).startsWith('ERR_PARSE_ARGS') ? '; see ec2-idem emulator --help' : '';
    io.stderr.write(`ec2-idem emulator: ${message}${hint}\n`);
    return 2;
  }
}
