import type { ActionAdapter, CaseContext } from './actions/action.ts';
import type { Budget } from './budget.ts';
import type { Identity } from './exchange.ts';
import type { Ledger } from './ledger.ts';
import type { RunBinding } from './model/runModel.ts';
import type { ResolvedRegion, ResolvedTarget } from './target.ts';

/** Where a request goes and as whom. */
export interface Placement {
  /** @defaultValue the target's first region */
  readonly region?: ResolvedRegion;
  /** @defaultValue 'primary' */
  readonly identity?: Identity;
}

export interface CaseBookInit {
  readonly target: ResolvedTarget;
  readonly action: ActionAdapter<unknown>;
  readonly runId: string;
  readonly ledger?: Ledger;
  readonly budget?: Budget;
}

/**
 * The accounts of one case: what it created where (so the case can delete it), what it spent of
 * the run's budget, and what it wrote in the ledger. Keeping the books is all it does.
 */
export class CaseBook {
  resourcesCreated = 0;
  /** When the case's latest create was answered (ok or not): late extras may still show up after it. */
  lastWriteAt: number | undefined;
  private readonly created = new Map<string, { placement: Placement; ids: Set<string> }>();
  /** When a create's answer first named each resource of the case. */
  private readonly namedAt = new Map<string, number>();
  /** Resources a read-back listed or a delete already handled: for them a NotFound means gone, not "not visible yet". */
  private readonly seen = new Set<string>();
  /** Tokens that already created in this case: their replays spend no launch budget. */
  private readonly spentTokens = new Set<string>();

  constructor(private readonly init: CaseBookInit) {}

  /** Reserves launch budget for a create; a replay of a token that already created costs nothing. */
  async reserve(count: number, token: string | undefined, placement: Placement, dryRun = false): Promise<number> {
    const key = token === undefined ? undefined : `${this.where(placement)}/${token}`;
    if (dryRun || !this.init.budget || (key !== undefined && this.spentTokens.has(key))) return 0;
    if (key !== undefined) this.spentTokens.add(key);
    await this.init.budget.beforeLaunch(count);
    return count;
  }

  /** The ledger's intent line, written before the request leaves. */
  intent(token: string | undefined, context: CaseContext, placement: Placement): number | undefined {
    return this.init.ledger?.intent({ run: this.init.runId, action: this.init.action.name, ...this.names(placement), case: context.caseId, token: token ?? null });
  }

  /** A create's answer: journal it, remember what it made, give back unused launch budget. */
  settle(placement: Placement, ids: readonly string[], result: string, reserved: number, intent: number | undefined): void {
    if (intent !== undefined) this.init.ledger?.outcome({ run: this.init.runId, id: intent, result, ids });
    const now = Date.now();
    this.lastWriteAt = now;
    for (const id of ids) if (!this.namedAt.has(id)) this.namedAt.set(id, now);
    const fresh = this.remember(placement, ids);
    this.resourcesCreated += fresh;
    this.init.budget?.released(Math.max(0, reserved - fresh));
  }

  /** Notes that a read-back listed these resources. */
  sawListed(ids: readonly string[]): void {
    for (const id of ids) this.seen.add(id);
  }

  /** True when neither a read-back nor a delete of this case has met `id` yet (it may just not be visible). */
  neverSeen(id: string): boolean {
    return !this.seen.has(id);
  }

  /** Resources a read-back showed (duplicates the endpoint made): deleted with the case, too. */
  remember(placement: Placement, ids: readonly string[]): number {
    const key = this.where(placement);
    const entry = this.created.get(key) ?? { placement, ids: new Set<string>() };
    let fresh = 0;
    for (const id of ids) {
      if (!entry.ids.has(id)) fresh += 1;
      entry.ids.add(id);
    }
    this.created.set(key, entry);
    return fresh;
  }

  /** Journals a token the run keeps for a later recheck (RETENTION's samples). */
  retained(binding: RunBinding): void {
    const { request, scope } = binding;
    this.init.ledger?.retained({
      run: this.init.runId,
      action: scope.action,
      region: scope.region,
      identity: request.identity,
      context: request.context,
      call: request.call,
      boundAt: new Date(binding.boundAt).toISOString(),
      resources: binding.resources,
      deleted: binding.deleted,
      answer: binding.answer,
    });
  }

  /** When a create's answer first named `id`, if one did in this case. */
  namedTime(id: string): number | undefined {
    return this.namedAt.get(id);
  }

  /** Resources deleted: journaled, their budget given back, and no longer the case's to delete. */
  deleted(placement: Placement, ids: readonly string[]): void {
    this.init.ledger?.deleted({ run: this.init.runId, action: this.init.action.name, ...this.names(placement), ids });
    this.init.budget?.released(ids.length);
    const entry = this.created.get(this.where(placement));
    for (const id of ids) {
      entry?.ids.delete(id);
      this.seen.add(id);
    }
  }

  /** What the case created and has not deleted yet, per placement. */
  open(): { placement: Placement; ids: string[] }[] {
    return [...this.created.values()].map(({ placement, ids }) => ({ placement, ids: [...ids] }));
  }

  /** A fresh book for the next case. */
  reset(): void {
    this.created.clear();
    this.spentTokens.clear();
    this.namedAt.clear();
    this.seen.clear();
    this.lastWriteAt = undefined;
  }

  private names(placement: Placement): { region: string; identity: Identity } {
    return { region: (placement.region ?? this.init.target.regions[0]).name, identity: placement.identity ?? 'primary' };
  }

  private where(placement: Placement): string {
    const { region, identity } = this.names(placement);
    return `${region}/${identity}`;
  }
}
