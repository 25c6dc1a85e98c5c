import { RunAborted } from './errors.ts';
import { describeOutcome, type Outcome } from './outcome.ts';

export interface BreakerOptions {
  /** How many of the latest exchanges are looked at. @defaultValue 40 */
  readonly window?: number;
  /** Share of broken answers in the window that stops the run. @defaultValue 0.75 */
  readonly threshold?: number;
  /** Exchanges seen before the breaker may trip at all. @defaultValue 20 */
  readonly minimum?: number;
  /** Kinds of request the broken answers must span (one unsupported filter is not a broken endpoint). @defaultValue 2 */
  readonly kinds?: number;
}

/**
 * The run's circuit breaker. When answers that are not EC2 at all (malformed, or no answer) make up
 * most of the recent exchanges, no rule can learn anything more: the breaker trips, aborts the
 * requests in flight and makes every later request throw {@link RunAborted}, so a broken endpoint
 * gets its verdict in seconds instead of every rule running into its time limit. Faults the suite
 * injected itself never count, and only kinds of request that once had an EC2 answer count: an
 * endpoint that answers garbage to calls it does not implement (moto's client-token filter, its
 * missing deletes) is still an EC2 endpoint, judged rule by rule. The broken answers must also come
 * from several kinds of request.
 */
export class Breaker {
  private readonly recent: { broken: boolean; kind: string }[] = [];
  /** Kinds of request that have had an EC2 answer (success or error) at least once. */
  private readonly answeredKinds = new Set<string>();
  private readonly onTrip = new Set<() => void>();
  private readonly window: number;
  private readonly threshold: number;
  private readonly minimum: number;
  private readonly kinds: number;
  private broken = 0;
  private reason: string | undefined;

  constructor(options: BreakerOptions = {}) {
    this.window = options.window ?? 40;
    this.threshold = options.threshold ?? 0.75;
    this.minimum = Math.min(options.minimum ?? 20, this.window);
    this.kinds = options.kinds ?? 2;
  }

  /**
   * Calls `stop` when the breaker trips (a session destroys its connections, ending the requests in
   * flight at once); returns what undoes the registration. Cheaper than a signal per request.
   */
  whenTripped(stop: () => void): () => void {
    this.onTrip.add(stop);
    return () => this.onTrip.delete(stop);
  }

  /** Why the run was stopped, once it was. */
  get cause(): string | undefined {
    return this.reason;
  }

  /** Throws {@link RunAborted} once tripped; call before every request. */
  check(): void {
    if (this.reason !== undefined) throw new RunAborted(`run stopped: ${this.reason}`);
  }

  /**
   * Counts one exchange's outcome; `kind` names the kind of request (its action and filters).
   * `injected` outcomes (the suite's own faults) are ignored.
   */
  record(outcome: Outcome, injected: boolean, kind = 'request'): void {
    if (injected || this.reason !== undefined) return;
    const isBroken = outcome.kind === 'malformed' || outcome.kind === 'transport-failure';
    if (!isBroken) this.answeredKinds.add(kind);
    // A kind that never had an EC2 answer is one the endpoint does not implement (moto answers an
    // HTML 500 to DeleteTrafficMirrorFilter): the rules that need it say so; the endpoint has not
    // stopped answering EC2.
    else if (!this.answeredKinds.has(kind)) return;
    this.recent.push({ broken: isBroken, kind });
    if (isBroken) this.broken += 1;
    if (this.recent.length > this.window && this.recent.shift()?.broken) this.broken -= 1;
    if (this.recent.length < this.minimum || this.broken / this.recent.length < this.threshold) return;
    const brokenKinds = new Set(this.recent.filter((r) => r.broken).map((r) => r.kind));
    if (brokenKinds.size < this.kinds) return;
    this.trip(`${this.broken} of the last ${this.recent.length} answers, to ${brokenKinds.size} kinds of request, were not EC2 answers (the latest: ${describeOutcome(outcome)})`);
  }

  /** Stops the run now (also used when a preflight or an operator decides so). */
  trip(reason: string): void {
    if (this.reason !== undefined) return;
    this.reason = reason;
    for (const stop of this.onTrip) stop();
    this.onTrip.clear();
  }
}
