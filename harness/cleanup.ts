import { carriesTag, RUN_TAG } from './actions/action.ts';
import { describeOutcome } from './outcome.ts';
import { adapterFor, isKnownAction } from './actions/index.ts';
import type { Identity } from './exchange.ts';
import { Session } from './exchange.ts';
import type { LedgerEntry, RunEntry } from './ledger.ts';
import type { Placement } from './ruleHarness.ts';
import { RuleHarness } from './ruleHarness.ts';
import type { ActionName, ResolvedTarget } from './target.ts';
import { TokenMinter } from './tokens.ts';
import { LOOPBACK_POLICY, SDK_STANDARD_POLICY } from './retry.constants.ts';

/** What cleanup did for one action in one placement. */
export interface Removal {
  readonly run: string;
  readonly action: string;
  readonly region: string;
  readonly identity: Identity;
  /** Resources found alive and deleted. */
  readonly removed: readonly string[];
  /** Why a placement could not be cleaned, if it could not. */
  readonly problem?: string;
  /** Resources found alive that the endpoint would not delete (its delete fails): still there. */
  readonly undeletable?: readonly string[];
}

interface Leftovers {
  readonly ids: Set<string>;
  readonly tokens: Set<string>;
}

/** Per run, action, region and identity: the ids the ledger says were created, and tokens whose answer never came. */
function leftovers(entries: readonly LedgerEntry[], run: string): Map<string, Leftovers> {
  const groups = new Map<string, Leftovers>();
  const intents = new Map<number, { key: string; token: string | null }>();
  const group = (key: string) => groups.get(key) ?? (groups.set(key, { ids: new Set(), tokens: new Set() }).get(key) as Leftovers);
  for (const entry of entries.filter((e) => e.run === run)) {
    if (entry.t === 'intent') {
      const key = `${entry.action}|${entry.region}|${entry.identity}`;
      intents.set(entry.id, { key, token: entry.token });
      if (entry.token !== null) group(key).tokens.add(entry.token);
    } else if (entry.t === 'outcome') {
      const intent = intents.get(entry.id);
      if (intent) {
        for (const id of entry.ids) group(intent.key).ids.add(id);
        if (intent.token !== null && entry.result.startsWith('2')) group(intent.key).tokens.delete(intent.token);
      }
    }
  }
  return groups;
}

/** How one cleaning pass lists and deletes. */
export interface CleanOptions {
  /** Resources of these actions carrying this tag. @defaultValue the run tag, the actions the ledger names */
  readonly scope?: SweepScope;
  /** For an endpoint that stopped answering EC2: two short attempts per call instead of a patient client's. @defaultValue false */
  readonly quick?: boolean;
  /** List only what is not yet gone (ActionAdapter.findByTag): much less to read after a long run. @defaultValue false */
  readonly aliveOnly?: boolean;
}

/**
 * Deletes what a run left behind, found three ways: the run's tag, the ids its ledger recorded,
 * and — for creates whose answer never arrived — the client-token filter. Safe to run twice.
 * Without ledger entries it is the end-of-run sweep: the run tag alone. The placements (region ×
 * account) of one action are cleaned at once; actions one after another.
 */
export async function cleanRun(target: ResolvedTarget, run: string, entries: readonly LedgerEntry[] = [], options: CleanOptions = {}): Promise<Removal[]> {
  const { quick = false, aliveOnly = false } = options;
  const session = new Session(quick ? { ...target, timeoutMs: Math.min(target.timeoutMs, 2000) } : target);
  const retry = quick ? { policy: { ...(target.isLoopback ? LOOPBACK_POLICY : SDK_STANDARD_POLICY), maxAttempts: 2, maxStateWaitMs: 0 } } : undefined;
  const removals: Removal[] = [];
  const groups = leftovers(entries, run);
  const { tag, value, actions } = options.scope ?? { tag: RUN_TAG, value: run, actions: actionsOf(entries, run, target) };
  const placements = target.regions.flatMap((region) => identitiesFor(target).map((identity) => ({ region, identity })));
  try {
    for (const action of actions) {
      const cleaned = placements.map((placement) => {
        const h = new RuleHarness({ target, adapter: adapterFor(action), session, minter: new TokenMinter(), runId: run, testId: `${run}.cleanup`, retry });
        const found = groups.get(`${action}|${placement.region.name}|${placement.identity}`);
        return cleanPlacement(h, { tag, value, run, aliveOnly }, placement, found);
      });
      removals.push(...(await Promise.all(cleaned)));
    }
  } finally {
    await session.close();
  }
  return removals;
}

/** What a sweep looks for: resources of these actions carrying `tag=value` (a run's or a test's tag). */
export interface SweepScope {
  readonly tag: string;
  readonly value: string;
  readonly actions: readonly ActionName[];
}

/** The runs a ledger names, in order. */
export function runsIn(entries: readonly LedgerEntry[]): string[] {
  return [...new Set(entries.filter((e): e is RunEntry => e.t === 'run').map((e) => e.run))];
}

export interface SweepResult {
  /** Resources of the run found alive and deleted. */
  readonly removed: number;
  /** Resources of the run still alive after the sweep (or that could not be listed): a leak. */
  readonly leftBehind: number;
  /** One line per placement that could not be listed or cleaned. */
  readonly problems: readonly string[];
}

export interface SweepOptions {
  /** The endpoint stopped answering EC2: one quick pass, no second look. @defaultValue false */
  readonly quick?: boolean;
  /**
   * Runs after the first pass and before the second look (the run's fixtures: deleting a launch
   * template deletes its versions); what it could not remove counts as left behind.
   */
  readonly betweenLooks?: () => Promise<{ readonly leftBehind: number; readonly problems: readonly string[] }>;
  /** How late the endpoint lists new resources (the run's learned lag): waited before the second look. @defaultValue 0 */
  readonly settleMs?: number;
}

/**
 * The end-of-run sweep: clean by the run tag (or, for a part of a run, by each of its tests'
 * tags), then look again — after the endpoint's listing lag — and count what is still alive.
 */
export async function sweepRun(target: ResolvedTarget, run: string, scopes?: readonly SweepScope[], options: SweepOptions = {}): Promise<SweepResult> {
  const quick = options.quick ?? false;
  // The first pass deletes, looking only at what is still alive; the second look, which counts, reads everything.
  const clean = async (aliveOnly: boolean) =>
    scopes ? (await Promise.all(scopes.map((scope) => cleanRun(target, run, [], { scope, quick, aliveOnly })))).flat() : cleanRun(target, run, [], { quick, aliveOnly });
  const first = await clean(true);
  const between = (await options.betweenLooks?.()) ?? { leftBehind: 0, problems: [] };
  if ((options.settleMs ?? 0) > 0) await new Promise((resolve) => setTimeout(resolve, options.settleMs));
  const again = quick ? [] : await clean(false);
  const problems = [...first, ...again].flatMap((r) => (r.problem ? [`${r.action} in ${r.region} as ${r.identity}: ${r.problem}`] : []));
  // Still alive at the second look: deleted again (late listing) or not deletable at all.
  const last = quick ? first : again;
  const stillAlive = (quick ? 0 : again.reduce((sum, r) => sum + r.removed.length, 0)) + last.reduce((sum, r) => sum + (r.undeletable?.length ?? 0), 0);
  if (stillAlive > 0) problems.push(`${stillAlive} resource(s) still alive after a first delete`);
  problems.push(...between.problems);
  return { removed: first.reduce((sum, r) => sum + r.removed.length, 0), leftBehind: stillAlive + between.leftBehind, problems: [...new Set(problems)] };
}

const MAX_ROUNDS = 50;

interface ListingScope {
  readonly tag: string;
  readonly value: string;
  readonly run: string;
  readonly aliveOnly: boolean;
}

/**
 * Deletes what the run tag shows, again and again until it shows nothing alive: some endpoints
 * cap a describe page without giving a next-page token (moto lists 15 launch templates).
 */
async function cleanPlacement(h: RuleHarness, scope: ListingScope, placement: Required<Placement>, found: Leftovers | undefined): Promise<Removal> {
  const base = { run: scope.run, action: h.action.name, region: placement.region.name, identity: placement.identity };
  const removed: string[] = [];
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const pass = await cleanOnce(h, scope, placement, round === 0 ? found : undefined);
    if (pass.problem) return { ...base, removed, problem: pass.problem, ...(pass.undeletable ? { undeletable: pass.undeletable } : {}) };
    removed.push(...pass.removed);
    if (pass.removed.length === 0) return { ...base, removed };
  }
  return { ...base, removed, problem: `still finding resources after ${MAX_ROUNDS} rounds of deletes` };
}

async function cleanOnce(h: RuleHarness, scope: ListingScope, placement: Required<Placement>, found: Leftovers | undefined): Promise<{ removed: string[]; problem?: string; undeletable?: string[] }> {
  const alive = new Set<string>();
  const run = scope.run;
  const byRun = await h.observeTag(scope.tag, scope.value, placement, scope.aliveOnly);
  if (byRun.kind === 'unknown') return { removed: [], problem: `cannot list the run's resources (${describeOutcome(byRun.outcome)})` };
  for (const resource of byRun.resources) if (!h.action.isGone(resource)) alive.add(resource.id);
  for (const token of found?.tokens ?? []) {
    if (!h.action.findByToken) break;
    const byToken = await h.observeToken(token, placement);
    // Only what carries this run's tag: a token filter the endpoint ignores must not make strangers ours.
    if (byToken.kind !== 'observed') continue;
    for (const resource of byToken.resources) if (!h.action.isGone(resource) && carriesTag(resource, RUN_TAG, run)) alive.add(resource.id);
  }
  // Ids from the ledger that no describe showed (an endpoint without tags): delete them blind;
  // deleting a resource twice is harmless.
  const unseen = [...(found?.ids ?? [])].filter((id) => !byRun.resources.some((r) => r.id === id));
  const doomed = [...alive, ...unseen];
  if (doomed.length === 0) return { removed: [] };
  // One delete first: an endpoint that cannot delete this kind at all (moto has no
  // DeleteTrafficMirrorFilter) is told once, not asked again for every resource, round after round.
  const [probe] = await h.remove(doomed.slice(0, 1), placement);
  if (probe && probe.kind !== 'ok' && !(probe.kind === 'ec2-error' && h.action.notFoundCodes.includes(probe.code))) {
    return { removed: [], problem: `${h.action.deleteAction} does not work here (${describeOutcome(probe)}): ${alive.size} resource(s) stay`, undeletable: [...alive] };
  }
  if (doomed.length > 1) await h.remove(doomed.slice(1), placement);
  return { removed: [...alive] };
}

function actionsOf(entries: readonly LedgerEntry[], run: string, target: ResolvedTarget): readonly ActionName[] {
  const header = entries.find((e): e is RunEntry => e.t === 'run' && e.run === run);
  // A plugin's action is swept only while its plugin is loaded (its adapter knows how).
  const named = header?.actions.filter((a) => isKnownAction(a));
  return named && named.length > 0 ? named : target.actions;
}

function identitiesFor(target: ResolvedTarget): Identity[] {
  return target.secondaryCredentials ? ['primary', 'secondary'] : ['primary'];
}
