import fc from 'fast-check';
import { clientToken, type ClientTokenConstraints } from '../generators/clientToken.ts';
import type { EncodingVariant } from '../generators/encodingVariant.ts';
import type { FaultPlan } from '../generators/faultPlan.ts';
import type { ParamChange } from '../generators/paramChange.ts';
import { CASE_TAG, carriesTag, type ActionAdapter, type CaseContext, type ObservedResource, type ParamConstraints } from './actions/action.ts';
import { responseDifferences, type Difference } from './compare.ts';
import type { Call } from './encode.ts';
import { NotApplicableError, UNSUPPORTED_ACTION_CODES } from './errors.ts';
import type { ExchangeOptions, Session } from './exchange.ts';
import { describeOutcome, type Ok, type Outcome } from './outcome.ts';
import { LOOPBACK_POLICY, SDK_STANDARD_POLICY, type RetryPolicy } from './retry.constants.ts';
import { backoffMs, withRetry, type RetryDependencies } from './retry.ts';
import type { ResolvedTarget } from './target.ts';
import type { Budget } from './budget.ts';
import { CaseBook, type Placement } from './caseBook.ts';
import type { Ledger } from './ledger.ts';
import type { TokenMinter } from './tokens.ts';

export type { Placement };

export interface CreateOptions extends Placement {
  readonly encoding?: EncodingVariant;
  readonly dryRun?: boolean;
  /** Faults for the first attempts of this create, one step per attempt (LOST-RESPONSE). */
  readonly faults?: FaultPlan;
}

export interface ObserveOptions extends Placement {
  /**
   * Read again, with backoff, until at least this many resources show: EC2 is eventually
   * consistent, so a launch may take a moment to appear (facts D11). @defaultValue 0
   */
  readonly atLeast?: number;
}

/** A read-back: what the endpoint shows, or why it could not be seen (Jepsen's indeterminate). */
export type Observation =
  | { readonly kind: 'observed'; readonly resources: readonly ObservedResource[] }
  | { readonly kind: 'unknown'; readonly outcome: Outcome };

export interface RuleHarnessInit<P> {
  readonly target: ResolvedTarget;
  readonly adapter: ActionAdapter<P>;
  readonly session: Session;
  readonly minter: TokenMinter;
  readonly runId: string;
  /** Names this rule × action test inside the run; case ids extend it. */
  readonly testId: string;
  readonly retry?: RetryDependencies & { readonly policy?: RetryPolicy };
  /** Journal of every create, written before it is sent. @defaultValue none */
  readonly ledger?: Ledger;
  /** Launch and alive limits of the run (requests are limited by the session). @defaultValue none */
  readonly budget?: Budget;
  /** Most instances one launch may ask for. @defaultValue 2 */
  readonly maxInstances?: number;
}

const MAX_PAGES = 20;

/**
 * What a rule sees of one action on one target: generators bound to the target, and requests that
 * go encode → sign → send → decode with retries. It tracks what each case creates and deletes it
 * at the end of the case. It never asserts: rules do.
 */
export class RuleHarness<P = unknown> {
  readonly action: ActionAdapter<P>;
  readonly target: ResolvedTarget;
  readonly session: Session;
  readonly constraints: ParamConstraints;
  /** Counts of behaviours a rule classified (e.g. how concurrent duplicates were answered). */
  readonly observations: Record<string, number> = {};
  /** Every attempt's outcome in the current case, retries included (what RETRY-ADVICE judges). */
  readonly seen: Outcome[] = [];
  private caseSerial = 0;
  private readonly book: CaseBook;
  private readonly policy: RetryPolicy;

  constructor(private readonly init: RuleHarnessInit<P>) {
    this.action = init.adapter;
    this.target = init.target;
    this.session = init.session;
    this.book = new CaseBook({ target: init.target, action: init.adapter as ActionAdapter<unknown>, runId: init.runId, ledger: init.ledger, budget: init.budget });
    this.policy = init.retry?.policy ?? (init.target.isLoopback ? LOOPBACK_POLICY : SDK_STANDARD_POLICY);
    this.constraints = {
      imageIds: [init.target.regions[0].imageId],
      instanceTypes: init.target.instanceTypes,
      maxInstances: init.maxInstances ?? 2,
    };
  }

  get profile() {
    return this.target.profile;
  }

  /** Resources this harness's creates made, over all cases. */
  get resourcesCreated(): number {
    return this.book.resourcesCreated;
  }

  /** The same facade for another action on the same session (cross-action rules). */
  forAction<Q>(adapter: ActionAdapter<Q>): RuleHarness<Q> {
    return new RuleHarness<Q>({ ...this.init, adapter, testId: `${this.init.testId}.${adapter.name}` });
  }

  params(): fc.Arbitrary<P> {
    return this.action.params(this.constraints);
  }

  /** Valid tokens for this action on this target: from its `minTokenLength` up to the action's limit. */
  token(constraints: ClientTokenConstraints = {}): fc.Arbitrary<string> {
    const minLength = Math.max(this.target.minTokenLength, constraints.minLength ?? 1);
    return clientToken({ minLength, maxLength: constraints.maxLength ?? this.action.tokenLimit });
  }

  change(): fc.Arbitrary<ParamChange> {
    return this.action.change(this.constraints);
  }

  applyChange(params: P, change: ParamChange): P {
    return this.action.applyChange(params, change, this.constraints);
  }

  newCase(): CaseContext {
    this.caseSerial += 1;
    return { runId: this.init.runId, testId: this.init.testId, caseId: `${this.init.testId}.${this.caseSerial}` };
  }

  /** A run-unique version of a generated token; skips the case when a short token space ran out. */
  mint(token: string): string {
    const minted = this.init.minter.mint(token);
    fc.pre(minted !== undefined);
    return minted as string;
  }

  /** Claims a token derived from a minted one; skips the case if some earlier case used it. */
  claim(token: string): string {
    fc.pre(this.init.minter.claim(token));
    return token;
  }

  /** One create, retried like a careful client (same token, re-signed); what it created is tracked. */
  async create(params: P, token: string | undefined, context: CaseContext, options: CreateOptions = {}): Promise<Outcome> {
    const call = this.createCall(params, token, context, options);
    const reserved = await this.book.reserve(this.action.resourcesPerCreate(params), token, options, options.dryRun);
    const entry = this.book.intent(token, context, options);
    this.session.faults.load(options.faults ?? []);
    try {
      return this.created(await this.send(call, options, options.encoding), options, reserved, entry);
    } finally {
      this.session.faults.clear();
    }
  }

  /**
   * The same create sent `copies` times over separate connections, all signed first and then
   * released together, each a single attempt (no retry): how the endpoint answers a race.
   */
  async race(params: P, token: string, context: CaseContext, copies: number, placement: Placement = {}): Promise<Outcome[]> {
    const call = this.createCall(params, token, context, placement);
    const exchange = { region: placement.region, identity: placement.identity };
    const reserved = await this.book.reserve(this.action.resourcesPerCreate(params), token, placement);
    const signed = await Promise.all(Array.from({ length: copies }, () => this.session.prepare(call, exchange)));
    const entries = signed.map(() => this.book.intent(token, context, placement));
    const outcomes = await Promise.all(signed.map((request) => this.session.sendPrepared(request)));
    this.seen.push(...outcomes);
    return outcomes.map((outcome, i) => this.created(outcome, placement, i === 0 ? reserved : 0, entries[i]));
  }

  /** Counts one classified behaviour for the verdict's observations. */
  classify(label: string): void {
    this.observations[label] = (this.observations[label] ?? 0) + 1;
  }

  private createCall(params: P, token: string | undefined, context: CaseContext, options: CreateOptions): Call {
    const region = options.region ?? this.target.regions[0];
    return this.action.toCall(this.action.localize(params, region.imageId), token, context, { dryRun: options.dryRun });
  }

  private created(outcome: Outcome, placement: Placement, reserved: number, entry: number | undefined): Outcome {
    const ids = outcome.kind === 'ok' ? this.action.created(outcome).map((r) => r.id) : [];
    this.book.settle(placement, ids, describeOutcome(outcome), reserved, entry);
    if (outcome.kind === 'ec2-error' && UNSUPPORTED_ACTION_CODES.has(outcome.code)) {
      throw new NotApplicableError(`the endpoint does not implement ${this.action.name} (${outcome.code})`);
    }
    return outcome;
  }

  /** Any call, with the retry policy; the attempts are in the session's transcript. */
  async send(call: Call, placement: Placement = {}, encoding?: EncodingVariant): Promise<Outcome> {
    const options: ExchangeOptions = {
      region: placement.region,
      identity: placement.identity,
      encoding: encoding && { method: encoding.method, order: encoding.order },
      payloadHashHeader: encoding?.payloadHashHeader,
    };
    const signedAt = encoding ? () => new Date(Date.now() - encoding.signedSecondsAgo * 1000) : () => new Date();
    const result = await withRetry(() => this.session.exchange(call, { ...options, signingDate: signedAt() }), this.policy, this.init.retry);
    this.seen.push(...result.attempts);
    return result.outcome;
  }

  /**
   * Everything carrying the case's tag (all pages), tracked for cleanup. The endpoint filters by
   * the tag; the answer is filtered again here, so an endpoint that ignores the filter can
   * neither blame the case for strangers' resources nor get them deleted.
   */
  async observe(context: CaseContext, options: ObserveOptions = {}): Promise<Observation> {
    return this.settled((next) => this.action.findByTag(CASE_TAG, context.caseId, next), options, (r) => carriesTag(r, CASE_TAG, context.caseId));
  }

  /** What the `client-token` filter shows for a token (actions that have one). */
  async observeToken(token: string, options: ObserveOptions = {}): Promise<Observation> {
    const findByToken = this.action.findByToken?.bind(this.action);
    if (!findByToken) throw new Error(`${this.action.name} has no client-token filter`);
    return this.settled((next) => findByToken(token, next), options, () => true, false);
  }

  private async settled(callFor: (nextToken?: string) => Call, options: ObserveOptions, ours: (r: ObservedResource) => boolean, track = true): Promise<Observation> {
    let observation = await this.observeWith(callFor, options, ours, track);
    for (let retry = 0; retry < this.policy.maxAttempts && observation.kind === 'observed' && observation.resources.length < (options.atLeast ?? 0); retry += 1) {
      await new Promise((resolve) => setTimeout(resolve, backoffMs(this.policy, 'transient', retry, Math.random)));
      observation = await this.observeWith(callFor, options, ours, track);
    }
    return observation;
  }

  /** Everything carrying one of the suite's tags (the run's, or a test's) in one placement: what a sweep deletes. */
  async observeTag(key: string, value: string, placement: Placement = {}): Promise<Observation> {
    return this.observeWith((next) => this.action.findByTag(key, value, next), placement, (r) => carriesTag(r, key, value));
  }

  /** Reads every page; keeps what `ours` accepts and, when `track`, remembers it for the case's cleanup. */
  private async observeWith(callFor: (nextToken?: string) => Call, placement: Placement, ours: (r: ObservedResource) => boolean, track = true): Promise<Observation> {
    const resources: ObservedResource[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const outcome = await this.send(callFor(nextToken), placement);
      if (outcome.kind !== 'ok') return { kind: 'unknown', outcome };
      const observed = this.action.observed(outcome);
      resources.push(...observed.resources.filter(ours));
      nextToken = observed.nextToken;
      if (nextToken === undefined) break;
    }
    if (track) this.book.remember(placement, resources.filter((r) => !this.action.isGone(r)).map((r) => r.id));
    return { kind: 'observed', resources };
  }

  /** Deletes resources now (e.g. to test what a token does after termination). */
  async remove(ids: readonly string[], placement: Placement = {}): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    for (const call of this.action.deleteCalls(ids)) outcomes.push(await this.send(call, placement));
    this.book.deleted(placement, ids);
    return outcomes;
  }

  /** The differences between two answers under this target's profile; empty means "same response". */
  differences(first: Ok, second: Ok): Difference[] {
    return responseDifferences(first, second, this.profile);
  }

  /** Deletes what the case created; runs with recording off so it stays out of the transcript. */
  async endCase(): Promise<void> {
    const current = this.session.sink.current;
    this.session.sink.current = undefined;
    try {
      for (const { placement, ids } of this.book.close()) {
        if (ids.length > 0) await this.remove(ids, placement);
      }
    } finally {
      this.seen.length = 0;
      this.session.faults.clear();
      this.session.sink.current = current;
    }
  }
}
