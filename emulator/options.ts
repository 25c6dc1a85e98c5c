// Loose user options, validated and completed once at the edge into ResolvedEmulatorOptions.
// Layering, weakest first: defaults ← legit variant ← seeded bug's own settings ← explicit options.
import { BUGS, LEGIT_VARIANTS, isBugName, isLegitVariantName } from './bugs.ts';
import type { BugName, LegitVariantName } from './bugs.ts';
import { ACCOUNT_PATTERN, checkAccounts, checkFaults, checkLifecycle, checkNumber, checkOneOf, checkRegions, fail } from './optionChecks.ts';

/** A key the emulator knows; its signatures are verified. */
export interface AccountCredentials {
  /** 12-digit account id the key belongs to. */
  accountId: string;
  /** Secret used to verify SigV4 signatures. Never logged or echoed. */
  secretAccessKey: string;
}

/** Instance state timing; states are computed lazily from the clock, never by timers. */
export interface LifecycleOptions {
  /** @defaultValue 500 — ms an instance stays `pending` before it is `running`. */
  pendingMs: number;
  /** @defaultValue 500 — ms an instance stays `shutting-down` before it is `terminated`. */
  shuttingDownMs: number;
  /** @defaultValue 3_600_000 — ms a terminated instance stays visible to DescribeInstances. */
  terminatedVisibleMs: number;
  /**
   * @defaultValue 0 — eventual consistency: ms after creation during which an instance or launch
   * template is neither listed by describe calls nor found by calls naming its id (they answer the
   * NotFound code of an unknown id). Token replays still answer at once.
   */
  listingDelayMs: number;
}

/** Legitimate server-side behaviours a correct endpoint may show. */
export interface FaultOptions {
  /** @defaultValue 0 — share of requests answered 503 `Unavailable` before doing anything. */
  unavailableRate: number;
  /** @defaultValue 0 — share of requests answered 503 `RequestLimitExceeded` before doing anything. */
  throttleRate: number;
  /** @defaultValue 0 — share of creates carrying a token that commit, then answer 500 `InternalError`. */
  commitThen500Rate: number;
  /** @defaultValue 0 — ms awaited between the token lookup and the commit (exposes missing serialization). */
  criticalSectionLatencyMs: number;
  /** @defaultValue 0 — ms awaited before every answer. */
  responseLatencyMs: number;
  /** @defaultValue a random 31-bit integer — seed of the PRNG that drives the fault choices. */
  seed: number;
}

export interface EmulatorClock {
  /** Current time in ms since the epoch. */
  now(): number;
}

export type TerminatedReplay = 'replay' | 'error';
export type ConcurrentDuplicates = 'wait' | 'in-progress';

export interface EmulatorOptions {
  /** @defaultValue '127.0.0.1' */
  host?: string;
  /** @defaultValue 0 (a random free port) */
  port?: number;
  /** @defaultValue ['us-east-1', 'us-west-2', 'eu-west-1'] — each has AZs `<region>a`, `b`, `c`. */
  regions?: readonly string[];
  /** @defaultValue '123456789012' — account of requests whose access key is neither 12 digits nor known. */
  defaultAccount?: string;
  /** @defaultValue {} — access key id → account and secret; signatures by these keys are verified. */
  accounts?: Readonly<Record<string, AccountCredentials>>;
  /** @defaultValue false — when true, unknown keys and unsigned requests get 401 `AuthFailure`. */
  strictAuth?: boolean;
  /** @defaultValue 'replay' — answer to a RunInstances replay once all its instances are terminating. */
  terminatedReplay?: TerminatedReplay;
  /** @defaultValue `{ now: Date.now }` */
  clock?: EmulatorClock;
  /** @defaultValue `{ pendingMs: 500, shuttingDownMs: 500, terminatedVisibleMs: 3_600_000, listingDelayMs: 0 }` */
  lifecycle?: Partial<LifecycleOptions>;
  /** @defaultValue every rate and latency 0, seed random */
  faults?: Partial<FaultOptions>;
  /** @defaultValue undefined (no seeded bug) — a name from `BUGS` in emulator/bugs.ts, or from `pluginBugs`. */
  bug?: BugName | (string & {});
  /** @defaultValue {} — seeded bugs that plugins bring (name → the settings each needs); `bug` may name one. */
  pluginBugs?: Readonly<Record<string, { readonly options?: EmulatorOptions }>>;
  /** @defaultValue undefined — a name from `LEGIT_VARIANTS`; its settings apply under explicit options. */
  variant?: LegitVariantName;
  /** @defaultValue 'wait' — 'in-progress' answers 400 `IncorrectState` to a duplicate that arrives mid-flight. */
  concurrentDuplicates?: ConcurrentDuplicates;
}

export interface ResolvedEmulatorOptions {
  host: string;
  port: number;
  regions: readonly string[];
  defaultAccount: string;
  accounts: Readonly<Record<string, AccountCredentials>>;
  strictAuth: boolean;
  terminatedReplay: TerminatedReplay;
  clock: EmulatorClock;
  lifecycle: LifecycleOptions;
  faults: FaultOptions;
  bug: string | undefined;
  variant: LegitVariantName | undefined;
  concurrentDuplicates: ConcurrentDuplicates;
}

const DEFAULTS = {
  host: '127.0.0.1',
  port: 0,
  regions: ['us-east-1', 'us-west-2', 'eu-west-1'],
  defaultAccount: '123456789012',
  lifecycle: { pendingMs: 500, shuttingDownMs: 500, terminatedVisibleMs: 3_600_000, listingDelayMs: 0 },
  faults: { unavailableRate: 0, throttleRate: 0, commitThen500Rate: 0, criticalSectionLatencyMs: 0, responseLatencyMs: 0 },
} as const;

/** The settings a variant and a bug bring, under the caller's explicit options. */
function layered(options: EmulatorOptions): EmulatorOptions {
  if (options.variant !== undefined && !isLegitVariantName(options.variant)) {
    fail('variant', options.variant, `use one of ${Object.keys(LEGIT_VARIANTS).join(', ')}`);
  }
  const pluginBug = options.bug !== undefined && options.pluginBugs !== undefined && Object.hasOwn(options.pluginBugs, options.bug) ? options.pluginBugs[options.bug] : undefined;
  if (options.bug !== undefined && !isBugName(options.bug) && pluginBug === undefined) {
    fail('bug', options.bug, 'use a name listed by `ec2-idem emulator --list-bugs`');
  }
  const layers: EmulatorOptions[] = [
    options.variant ? LEGIT_VARIANTS[options.variant] : {},
    options.bug ? ((isBugName(options.bug) ? BUGS[options.bug].options : pluginBug?.options) ?? {}) : {},
    options,
  ];
  return layers.reduce((merged, layer) => ({
    ...merged,
    ...layer,
    lifecycle: { ...merged.lifecycle, ...layer.lifecycle },
    faults: { ...merged.faults, ...layer.faults },
  }));
}

/** Validates `options`, fills every default, and throws an Error naming the bad field and the fix. */
export function resolveEmulatorOptions(options: EmulatorOptions = {}): ResolvedEmulatorOptions {
  const merged = layered(options);
  const resolved: ResolvedEmulatorOptions = {
    host: merged.host ?? DEFAULTS.host,
    port: merged.port ?? DEFAULTS.port,
    regions: [...(merged.regions ?? DEFAULTS.regions)],
    defaultAccount: merged.defaultAccount ?? DEFAULTS.defaultAccount,
    accounts: { ...merged.accounts },
    strictAuth: merged.strictAuth ?? false,
    terminatedReplay: merged.terminatedReplay ?? 'replay',
    clock: merged.clock ?? { now: () => Date.now() },
    lifecycle: { ...DEFAULTS.lifecycle, ...merged.lifecycle },
    faults: { ...DEFAULTS.faults, seed: Math.floor(Math.random() * 0x7fff_ffff), ...merged.faults },
    bug: merged.bug,
    variant: merged.variant,
    concurrentDuplicates: merged.concurrentDuplicates ?? 'wait',
  };
  if (typeof resolved.host !== 'string' || resolved.host === '') fail('host', resolved.host, "use an interface address such as '127.0.0.1'");
  if (!Number.isInteger(resolved.port)) fail('port', resolved.port, 'use an integer port, 0 for a random free one');
  checkNumber('port', resolved.port, 0, 65_535, 'use a port between 0 and 65535');
  checkRegions(resolved.regions);
  if (!ACCOUNT_PATTERN.test(resolved.defaultAccount)) fail('defaultAccount', resolved.defaultAccount, 'use a 12-digit account id');
  checkAccounts(resolved.accounts);
  checkOneOf('terminatedReplay', resolved.terminatedReplay, ['replay', 'error']);
  checkOneOf('concurrentDuplicates', resolved.concurrentDuplicates, ['wait', 'in-progress']);
  if (typeof resolved.clock?.now !== 'function') fail('clock', '<object>', 'pass an object with a now() method returning ms');
  checkLifecycle(resolved.lifecycle);
  checkFaults(resolved.faults);
  return resolved;
}
