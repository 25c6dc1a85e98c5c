import { carriesTag, CASE_TAG, type ActionAdapter, type CaseContext, type ObservedResource } from './actions/action.ts';
import type { Caller } from './caller.ts';
import type { CaseBook, Placement } from './caseBook.ts';
import type { Call } from './encode.ts';
import type { Outcome } from './outcome.ts';
import { pollUntil } from './pollUntil.ts';
import type { Visibility } from './visibility.ts';

export interface ObserveOptions extends Placement {
  /**
   * Ids the read-back must find: EC2 is eventually consistent (REF-EVENTUAL-CONSISTENCY), so it
   * looks again, with backoff, until all of them are listed or the consistency window has passed. @defaultValue []
   */
  readonly expect?: readonly string[];
}

/** A read-back: what the endpoint shows, or why it could not be seen (Jepsen's indeterminate). */
export type Observation =
  | { readonly kind: 'observed'; readonly resources: readonly ObservedResource[] }
  | { readonly kind: 'unknown'; readonly outcome: Outcome };

const MAX_PAGES = 20;

/**
 * Reads back what a case created: by the case's tag, or by the client-token filter. It waits for
 * what it expects to become visible and, once it has, looks once more if something written since
 * may still be on its way (so a late duplicate is seen, not missed). What it sees is remembered
 * for the case's cleanup.
 */
export class ReadBack {
  constructor(
    private readonly action: ActionAdapter<unknown>,
    private readonly caller: Caller,
    private readonly book: CaseBook,
    private readonly visibility: Visibility,
  ) {}

  /**
   * Everything carrying the case's tag (all pages). The endpoint filters by the tag; the answer is
   * filtered again here, so an endpoint that ignores the filter can neither blame the case for
   * strangers' resources nor get them deleted.
   */
  async byCase(context: CaseContext, options: ObserveOptions = {}): Promise<Observation> {
    return this.settled((next) => this.action.findByTag(CASE_TAG, context.caseId, next), options, (r) => carriesTag(r, CASE_TAG, context.caseId));
  }

  /** What the `client-token` filter shows for a token (actions that have one). */
  async byToken(token: string, options: ObserveOptions = {}): Promise<Observation> {
    const findByToken = this.action.findByToken?.bind(this.action);
    if (!findByToken) throw new Error(`${this.action.name} has no client-token filter`);
    return this.settled((next) => findByToken(token, next), options, () => true, false);
  }

  /**
   * One look at everything carrying one of the suite's tags in one placement: what a sweep deletes.
   * `aliveOnly` asks the endpoint to leave out what is already gone; if it refuses that filter, the
   * look is made again without it.
   */
  async byTag(key: string, value: string, placement: Placement = {}, aliveOnly = false): Promise<Observation> {
    // Only here may a listing the endpoint refuses because the parent is gone read as empty: the
    // sweep looks after the run's fixtures were deleted; a rule's read-back must see what it checks.
    const lookBy = (narrow: boolean) =>
      this.look((next) => this.action.findByTag(key, value, next, narrow ? { aliveOnly: true } : {}), placement, (r) => carriesTag(r, key, value), true, this.action.emptyListingCodes ?? []);
    const narrowed = await lookBy(aliveOnly);
    return aliveOnly && narrowed.kind === 'unknown' && narrowed.outcome.kind === 'ec2-error' ? lookBy(false) : narrowed;
  }

  private async settled(callFor: (nextToken?: string) => Call, options: ObserveOptions, ours: (r: ObservedResource) => boolean, track = true): Promise<Observation> {
    const expected = options.expect ?? [];
    const look = () => this.look(callFor, options, ours, track);
    const complete = (o: Observation) => o.kind !== 'observed' || expected.every((id) => o.resources.some((r) => r.id === id));
    const named = expected.flatMap((id) => this.book.namedTime(id) ?? []);
    // Known to list late: rather than polling through the lag, wait it out once.
    const visibleFrom = named.length > 0 ? Math.max(...named) + this.visibility.lagMs : 0;
    if (visibleFrom > Date.now()) await this.caller.pause(visibleFrom - Date.now());
    const { result, polls } = await pollUntil(look, complete, this.caller, Date.now() + this.visibility.windowMs);
    if (result.kind !== 'observed') return result;
    if (polls > 0 && complete(result) && named.length > 0) this.visibility.noteLag(Math.max(...named), Date.now());
    // Whatever the case wrote last may need as long as anything took to show: look once more then.
    const settleAt = (this.book.lastWriteAt ?? 0) + this.visibility.lagMs;
    if (Date.now() >= settleAt) return result;
    await this.caller.pause(settleAt - Date.now());
    return look();
  }

  /** Reads every page; keeps what `ours` accepts and, when `track`, remembers it for the case's cleanup. */
  private async look(callFor: (nextToken?: string) => Call, placement: Placement, ours: (r: ObservedResource) => boolean, track = true, emptyWhen: readonly string[] = []): Promise<Observation> {
    const resources: ObservedResource[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const outcome = await this.caller.send(callFor(nextToken), placement);
      if (outcome.kind === 'ec2-error' && emptyWhen.includes(outcome.code)) break;
      if (outcome.kind !== 'ok') return { kind: 'unknown', outcome };
      const observed = this.action.observed(outcome);
      resources.push(...observed.resources.filter(ours));
      this.book.sawListed(observed.resources.map((r) => r.id));
      nextToken = observed.nextToken;
      if (nextToken === undefined) break;
    }
    if (track) this.book.remember(placement, resources.filter((r) => !this.action.isGone(r)).map((r) => r.id));
    return { kind: 'observed', resources };
  }
}
