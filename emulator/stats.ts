// Counters for embedders and tests: how much traffic, how many launches, what is alive, which faults fired.
import type { FaultCounts } from './faults.ts';
import type { EmulatorRuntime } from './runtime.ts';

export interface EmulatorStats {
  /** HTTP requests answered or being answered. */
  requests: number;
  /** Instances ever created. */
  launches: number;
  /** Token requests answered from a bound token. */
  replays: number;
  /** Token requests refused with a parameter mismatch. */
  mismatches: number;
  /** 500 answers caused by an exception inside the emulator (not injected). */
  internalErrors: number;
  /** Creates per token-taking action name (RunInstances counts launches, not instances); replays create nothing. */
  creates: Readonly<Record<string, number>>;
  /** Resources that exist now: instances not yet terminated, launch templates not deleted. */
  resourcesAlive: { instances: number; launchTemplates: number };
  faultsInjected: FaultCounts;
}

export function collectStats(runtime: EmulatorRuntime): EmulatorStats {
  const totals = { launches: 0, instances: 0, launchTemplates: 0 };
  for (const store of runtime.stores.all()) {
    const counts = store.counts();
    totals.launches += counts.launched;
    totals.instances += counts.instances;
    totals.launchTemplates += counts.launchTemplates;
  }
  return {
    ...runtime.counters,
    creates: { ...runtime.counters.creates },
    launches: totals.launches,
    resourcesAlive: { instances: totals.instances, launchTemplates: totals.launchTemplates },
    faultsInjected: { ...runtime.faults.counts },
  };
}
