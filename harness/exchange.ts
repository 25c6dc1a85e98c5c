import type { Dispatcher } from 'undici';
import type { Breaker } from './breaker.ts';
import type { Budget } from './budget.ts';
import type { CredentialSource } from './credentials.ts';
import { decode } from './decode.ts';
import { encode, type Call, type EncodingOptions } from './encode.ts';
import { FaultSchedule, faultInterceptor } from './interceptors/fault.ts';
import { recordInterceptor } from './interceptors/record.ts';
import type { Outcome } from './outcome.ts';
import { createDispatcher, send } from './send.ts';
import { sign, type SignedRequest } from './sign.ts';
import type { ResolvedRegion, ResolvedTarget } from './target.ts';
import { TranscriptSink, type AttemptTap, type Transcript } from './transcript.ts';

export type Identity = 'primary' | 'secondary';

export interface ExchangeOptions {
  /** @defaultValue the target's first region */
  readonly region?: ResolvedRegion;
  /** Whose credentials sign the request. @defaultValue 'primary' */
  readonly identity?: Identity;
  readonly encoding?: EncodingOptions;
  /** @defaultValue now */
  readonly signingDate?: Date;
  /** @defaultValue true */
  readonly payloadHashHeader?: boolean;
}

export interface SessionOptions {
  /** What the run may spend; requests wait for its rate limit. @defaultValue unlimited */
  readonly budget?: Budget;
  /** Extra interceptors, outermost first (e.g. fault injection); the recorder is always innermost. */
  readonly interceptors?: readonly Dispatcher.DispatcherComposeInterceptor[];
  /** @defaultValue 8 */
  readonly connections?: number;
  /** The run's breaker: every answer is shown to it, and once it trips every request throws. @defaultValue none */
  readonly breaker?: Breaker;
  /** Sees every attempt, in a transcript or not (a run-wide evidence file). @defaultValue none */
  readonly tap?: AttemptTap;
}

/**
 * The one way the suite talks to a target: encode → sign → send → decode, every attempt recorded.
 * One session per rule × action; its attempts are sequential except where a rule races on purpose.
 */
export class Session {
  readonly sink = new TranscriptSink();
  /** Faults for the next attempts (empty: every attempt passes). */
  readonly faults = new FaultSchedule();
  private readonly dispatcher: Dispatcher;
  requestsSent = 0;
  private readonly budget: Budget | undefined;
  private readonly breaker: Breaker | undefined;
  private readonly unregister: (() => void) | undefined;

  constructor(
    readonly target: ResolvedTarget,
    options: SessionOptions = {},
  ) {
    this.budget = options.budget;
    this.breaker = options.breaker;
    this.sink.tap = options.tap;
    this.dispatcher = createDispatcher({
      connections: options.connections,
      // Outermost first: extra interceptors, then faults, then the recorder next to the network,
      // so the transcript shows what the endpoint really answered under every fault.
      interceptors: [...(options.interceptors ?? []), faultInterceptor(this.faults, this.sink), recordInterceptor(this.sink)],
    });
    // A tripped breaker ends this session's requests in flight (a hung endpoint must not hold the run).
    this.unregister = this.breaker?.whenTripped(() => void this.dispatcher.destroy().catch(() => {}));
  }

  /** Starts a fresh transcript; later attempts are recorded there. */
  beginTranscript(): Transcript {
    return this.sink.begin();
  }

  async exchange(call: Call, options: ExchangeOptions = {}): Promise<Outcome> {
    return this.sendPrepared(await this.prepare(call, options), call.action, kindOf(call));
  }

  /** Encodes and signs without sending, so that several attempts can be released at once. */
  async prepare(call: Call, options: ExchangeOptions = {}): Promise<SignedRequest> {
    const region = options.region ?? this.target.regions[0];
    const credentials = await this.credentialsFor(options.identity ?? 'primary').resolve();
    return sign({
      request: encode(call, options.encoding),
      endpoint: region.endpoint,
      region: region.name,
      credentials,
      signingDate: options.signingDate ?? new Date(),
      payloadHashHeader: options.payloadHashHeader,
    });
  }

  /**
   * Sends one signed attempt of `action` (its answer must be that action's, or an EC2 error).
   * Throws only RunAborted (the breaker tripped) and BudgetExhausted.
   */
  async sendPrepared(signed: SignedRequest, action: string, kind = action): Promise<Outcome> {
    this.breaker?.check();
    await this.budget?.beforeRequest();
    this.requestsSent += 1;
    const injectedBefore = this.faults.injected;
    const raw = await send(signed, { dispatcher: this.dispatcher, timeoutMs: this.target.timeoutMs });
    const outcome = raw.kind === 'exchange' ? decode(raw, action) : raw;
    this.breaker?.record(outcome, this.faults.injected > injectedBefore, kind);
    this.breaker?.check();
    this.budget?.afterResponse(outcome);
    return outcome;
  }

  credentialsFor(identity: Identity): CredentialSource {
    const source = identity === 'primary' ? this.target.credentials : this.target.secondaryCredentials;
    if (!source) throw new Error('secondary credentials requested but the target has none (a rule must require second-account)');
    return source;
  }

  async close(): Promise<void> {
    this.unregister?.();
    if (this.breaker?.cause !== undefined) return void (await this.dispatcher.destroy().catch(() => {}));
    await this.dispatcher.close();
  }
}

/** A kind of request, for the breaker: its action and the names of the filters it uses. */
function kindOf(call: Call): string {
  const filters = call.params.Filter;
  if (!Array.isArray(filters) || filters.length === 0) return call.action;
  const names = filters.map((f) => (f && typeof f === 'object' && 'Name' in f ? String((f as { Name: unknown }).Name).replace(/^tag:.*/, 'tag') : '?'));
  return `${call.action}[${names.join(',')}]`;
}
