// The emulator's whole state for one server: options, stores, bound tokens, fault PRNG, counters.
import { BugSwitch } from './bugs.ts';
import { FaultInjector } from './faults.ts';
import type { ResolvedEmulatorOptions } from './options.ts';
import { StoreRegistry } from './store.ts';
import { TokenTable } from './tokenTable.ts';

export interface RequestCounters {
  requests: number;
  replays: number;
  mismatches: number;
  /** Answers that were 500 because the emulator itself threw (not injected faults). */
  internalErrors: number;
  /** Creates each token-taking action performed, by action name (first requests and bugs' extra creates, not replays). */
  creates: Record<string, number>;
}

export interface EmulatorRuntime {
  readonly options: ResolvedEmulatorOptions;
  readonly bugs: BugSwitch;
  readonly stores: StoreRegistry;
  readonly tokens: TokenTable;
  readonly faults: FaultInjector;
  readonly counters: RequestCounters;
}

export function createRuntime(options: ResolvedEmulatorOptions): EmulatorRuntime {
  const bugs = new BugSwitch(options.bug);
  return {
    options,
    bugs,
    stores: new StoreRegistry(),
    tokens: new TokenTable(),
    faults: new FaultInjector(options.faults, bugs),
    counters: { requests: 0, replays: 0, mismatches: 0, internalErrors: 0, creates: {} },
  };
}
