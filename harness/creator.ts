import type { EncodingVariant } from '../generators/encodingVariant.ts';
import type { FaultPlan } from '../generators/faultPlan.ts';
import type { ActionAdapter, CaseContext } from './actions/action.ts';
import type { Caller } from './caller.ts';
import type { CaseBook, Placement } from './caseBook.ts';
import type { Call } from './encode.ts';
import { NotApplicableError, UNSUPPORTED_ACTION_CODES } from './errors.ts';
import { describeOutcome, type Outcome } from './outcome.ts';
import type { ResolvedTarget } from './target.ts';
import { recordCreate, type RecordedCreate, type RunModel } from './model/runModel.ts';
import type { FixtureBook } from './fixtures/fixtureBook.ts';

export interface CreateOptions extends Placement {
  readonly encoding?: EncodingVariant;
  readonly dryRun?: boolean;
  /** Faults for the first attempts of this create, one step per attempt (LOST-RESPONSE). */
  readonly faults?: FaultPlan;
}

/**
 * Sends creates: journaled in the ledger before they leave, paid for from the budget, and what
 * they answered as created put in the case's books. An endpoint that does not implement the action
 * makes the rule not-applicable here, at its first create.
 */
export class Creator<P> {
  constructor(
    private readonly action: ActionAdapter<P>,
    private readonly target: ResolvedTarget,
    private readonly caller: Caller,
    private readonly book: CaseBook,
    private readonly model?: RunModel,
    private readonly fixtures?: FixtureBook,
  ) {}

  /** One create, retried like a careful client (same token, re-signed). */
  async create(params: P, token: string | undefined, context: CaseContext, options: CreateOptions = {}): Promise<Outcome> {
    const call = this.call(params, token, context, options);
    return this.send(call, token, context, options, this.action.resourcesPerCreate(params));
  }

  /**
   * A create recorded earlier, sent again as it was (same call, token, region and account): what
   * the retention replays do. Journaled and paid for like any create.
   */
  async resend(recorded: RecordedCreate, known: readonly string[]): Promise<Outcome> {
    const region = this.target.regions.find((r) => r.name === recorded.region) ?? this.target.regions[0];
    const token = typeof recorded.call.params.ClientToken === 'string' ? recorded.call.params.ClientToken : undefined;
    // What the first answer named existed long ago: a delete finding it gone is done, not early.
    this.book.sawListed(known);
    return this.send(recorded.call, token, recorded.context, { region, identity: recorded.identity }, known.length);
  }

  private async send(call: Call, token: string | undefined, context: CaseContext, options: CreateOptions, resources: number): Promise<Outcome> {
    const reserved = await this.book.reserve(resources, token, options, options.dryRun);
    const entry = this.book.intent(token, context, options);
    const { faults } = this.caller.session;
    faults.load(options.faults ?? []);
    try {
      return this.settle(await this.caller.send(call, options, options.encoding), call, context, options, reserved, entry);
    } finally {
      faults.clear();
    }
  }

  /**
   * Creates with one token sent at once over separate connections — copy i with `perCopy[i]` —
   * all signed first and then released together, each a single attempt (no retry): how the
   * endpoint answers a race, with the same or with different parameters.
   */
  async race(perCopy: readonly P[], token: string, context: CaseContext, placement: Placement = {}): Promise<Outcome[]> {
    const calls = perCopy.map((params) => this.call(params, token, context, placement));
    const exchange = { region: placement.region, identity: placement.identity };
    const reserved = await this.book.reserve(Math.max(...perCopy.map((p) => this.action.resourcesPerCreate(p))), token, placement);
    const { session } = this.caller;
    const signed = await Promise.all(calls.map((call) => session.prepare(call, exchange)));
    const entries = signed.map(() => this.book.intent(token, context, placement));
    const outcomes = await Promise.all(signed.map((request, i) => session.sendPrepared(request, calls[i]!.action)));
    this.caller.seen.push(...outcomes);
    return outcomes.map((outcome, i) => this.settle(outcome, calls[i]!, context, placement, i === 0 ? reserved : 0, entries[i]));
  }

  private call(params: P, token: string | undefined, context: CaseContext, options: CreateOptions): Call {
    const region = options.region ?? this.target.regions[0];
    const fixtures = this.fixtures?.at({ region, identity: options.identity ?? 'primary' }) ?? {};
    return this.action.toCall(this.action.localize(params, { region, fixtures }), token, context, { dryRun: options.dryRun });
  }

  private settle(outcome: Outcome, call: Call, context: CaseContext, placement: Placement, reserved: number, entry: number | undefined): Outcome {
    const ids = outcome.kind === 'ok' ? this.action.created(outcome).map((r) => r.id) : [];
    this.book.settle(placement, ids, describeOutcome(outcome), reserved, entry);
    if (outcome.kind === 'ok') recordCreate(this.model, call, placement.region ?? this.target.regions[0], placement.identity ?? 'primary', context, outcome, ids);
    if (outcome.kind === 'ec2-error' && UNSUPPORTED_ACTION_CODES.has(outcome.code)) {
      throw new NotApplicableError(`the endpoint does not implement ${this.action.name} (${outcome.code})`);
    }
    return outcome;
  }
}
