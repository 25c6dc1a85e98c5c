import { ACTION_ADAPTERS } from './actions/index.ts';
import { Session, type Identity } from './exchange.ts';
import { RuleHarness } from './ruleHarness.ts';
import type { ResolvedTarget } from './target.ts';
import { TokenMinter } from './tokens.ts';

export interface SweepResult {
  /** Resources of the run found alive and deleted by the sweep. */
  readonly removed: number;
  /** Resources of the run still alive after the sweep (or that could not be listed): a leak. */
  readonly leftBehind: number;
  /** One line per placement that could not be listed or cleaned. */
  readonly problems: readonly string[];
}

/**
 * Finds everything a run created, by its run tag, in every region and account the target has,
 * deletes what is alive, and counts what is still alive after. Safe to run twice.
 */
export async function sweepRun(target: ResolvedTarget, runId: string): Promise<SweepResult> {
  const session = new Session(target);
  const identities: Identity[] = target.secondaryCredentials ? ['primary', 'secondary'] : ['primary'];
  let removed = 0;
  let leftBehind = 0;
  const problems: string[] = [];
  try {
    for (const action of target.actions) {
      const h = new RuleHarness({ target, adapter: ACTION_ADAPTERS[action], session, minter: new TokenMinter(), runId, testId: `${runId}.sweep` });
      for (const region of target.regions) {
        for (const identity of identities) {
          const placement = { region, identity };
          const before = await h.observeRun(placement);
          if (before.kind === 'unknown') {
            problems.push(`${action} in ${region.name} as ${identity}: cannot list (${describe(before.outcome)})`);
            continue;
          }
          const alive = before.resources.filter((r) => !h.action.isGone(r)).map((r) => r.id);
          if (alive.length === 0) continue;
          await h.remove(alive, placement);
          removed += alive.length;
          const after = await h.observeRun(placement);
          const still = after.kind === 'observed' ? after.resources.filter((r) => !h.action.isGone(r)).length : alive.length;
          leftBehind += still;
          if (still > 0) problems.push(`${action} in ${region.name} as ${identity}: ${still} resource(s) still alive after delete`);
        }
      }
    }
  } finally {
    await session.close();
  }
  return { removed, leftBehind, problems };
}

function describe(outcome: { kind: string; code?: string; status?: number }): string {
  return outcome.code ? `${outcome.status ?? ''} ${outcome.code}`.trim() : outcome.kind;
}
