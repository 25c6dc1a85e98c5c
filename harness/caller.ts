import type { EncodingVariant } from '../generators/encodingVariant.ts';
import type { Placement } from './caseBook.ts';
import type { Call } from './encode.ts';
import type { ExchangeOptions, Session } from './exchange.ts';
import type { Outcome } from './outcome.ts';
import type { RetryPolicy } from './retry.constants.ts';
import { withRetry, type RetryDependencies } from './retry.ts';

/**
 * Sends calls the way a careful client does: the retry policy's advice, the same request re-signed
 * on every attempt. Every attempt's outcome of the current case is kept in `seen`, for the rules
 * that judge all of them (RETRY-ADVICE).
 */
export class Caller {
  /** Every attempt's outcome in the current case, retries included. */
  readonly seen: Outcome[] = [];

  constructor(
    readonly session: Session,
    readonly policy: RetryPolicy,
    private readonly deps: RetryDependencies = {},
  ) {}

  async send(call: Call, placement: Placement = {}, encoding?: EncodingVariant): Promise<Outcome> {
    const options: ExchangeOptions = {
      region: placement.region,
      identity: placement.identity,
      encoding: encoding && { method: encoding.method, order: encoding.order },
      payloadHashHeader: encoding?.payloadHashHeader,
    };
    const signedAt = encoding ? () => new Date(Date.now() - encoding.signedSecondsAgo * 1000) : () => new Date();
    const result = await withRetry(() => this.session.exchange(call, { ...options, signingDate: signedAt() }), this.policy, this.deps);
    this.seen.push(...result.attempts);
    return result.outcome;
  }

  /** Waits between polls (read-backs, deletes of what is not visible yet) with the state backoff. */
  async pause(ms: number): Promise<void> {
    await (this.deps.sleep ?? ((wait: number) => new Promise<void>((resolve) => setTimeout(resolve, wait))))(ms);
  }

  get random(): () => number {
    return this.deps.random ?? Math.random;
  }
}
