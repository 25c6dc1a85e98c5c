import { setTimeout as delay } from 'node:timers/promises';
import { HarnessError } from './errors.ts';
import type { Outcome } from './outcome.ts';
import type { BudgetConfig, ResolvedTarget } from './target.ts';

/** Thrown when a run has spent what its budget allows; the rule is reported `skipped`, not failed. */
export class BudgetExhausted extends Error {
  override readonly name = 'BudgetExhausted';
}

const ALIVE_WAIT_MS = 30_000;

/**
 * What a run may spend, enforced while it runs: requests (total and per second, a token bucket
 * that halves its rate when the endpoint says RequestLimitExceeded), launches, and resources
 * alive at once. One budget per run, shared by every rule of it.
 */
export class Budget {
  requests = 0;
  launches = 0;
  alive = 0;
  private rate: number;
  private tokens: number;
  private refilledAt = Date.now();

  constructor(readonly limits: BudgetConfig = {}) {
    this.rate = limits.requestsPerSecond ?? Number.POSITIVE_INFINITY;
    this.tokens = Math.min(this.rate, 10);
  }

  /** Waits for the rate limit, then counts the request; throws once maxRequests is spent. */
  async beforeRequest(): Promise<void> {
    if (this.limits.maxRequests !== undefined && this.requests >= this.limits.maxRequests) {
      throw new BudgetExhausted(`budget: maxRequests (${this.limits.maxRequests}) spent`);
    }
    this.requests += 1;
    if (!Number.isFinite(this.rate)) return;
    for (;;) {
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await delay(Math.ceil(((1 - this.tokens) / this.rate) * 1000));
    }
  }

  /** Throttling answers halve the rate (never below one request every two seconds). */
  afterResponse(outcome: Outcome): void {
    if (outcome.kind === 'ec2-error' && outcome.code === 'RequestLimitExceeded' && Number.isFinite(this.rate)) {
      this.rate = Math.max(0.5, this.rate / 2);
    }
  }

  /** Reserves `count` launches: waits while too many resources are alive; throws past maxLaunches. */
  async beforeLaunch(count: number): Promise<void> {
    if (this.limits.maxLaunches !== undefined && this.launches + count > this.limits.maxLaunches) {
      throw new BudgetExhausted(`budget: maxLaunches (${this.limits.maxLaunches}) spent`);
    }
    const started = Date.now();
    while (this.limits.maxAlive !== undefined && this.alive + count > this.limits.maxAlive) {
      if (Date.now() - started > ALIVE_WAIT_MS) throw new BudgetExhausted(`budget: maxAlive (${this.limits.maxAlive}) reached for ${ALIVE_WAIT_MS / 1000} s`);
      await delay(50);
    }
    this.launches += count;
    this.alive += count;
  }

  /** A reserved launch that created less (or nothing), or resources deleted. */
  released(count: number): void {
    this.alive = Math.max(0, this.alive - count);
  }

  private refill(): void {
    const now = Date.now();
    this.tokens = Math.min(Math.max(this.rate, 1), this.tokens + ((now - this.refilledAt) / 1000) * this.rate);
    this.refilledAt = now;
  }
}

/**
 * Spending money is an explicit opt-in: a target that is not on this machine must set a budget.
 * Returns a one-line statement of the most the run will do.
 */
export function checkBudget(target: ResolvedTarget): string | undefined {
  const budget = target.budget;
  if (!budget || Object.keys(budget).length === 0) {
    if (target.isLoopback) return undefined;
    throw new HarnessError(
      'EC2IDEM_BUDGET',
      `refusing to run against ${target.regions.map((r) => r.endpoint.host).join(', ')} without a budget: add "budget": ` +
        '{ "maxLaunches": N, "maxAlive": N, "maxRequests": N, "requestsPerSecond": N } to the target file (spending is an explicit opt-in)',
    );
  }
  const parts = [
    budget.maxLaunches !== undefined && `at most ${budget.maxLaunches} resources created`,
    budget.maxAlive !== undefined && `${budget.maxAlive} alive at once`,
    budget.maxRequests !== undefined && `${budget.maxRequests} requests`,
    budget.requestsPerSecond !== undefined && `${budget.requestsPerSecond} requests/s`,
  ].filter(Boolean);
  return `budget: ${parts.join(', ')}`;
}

/**
 * Cases per rule so that the whole run fits the budget: each case costs about
 * `launchesPerCase` resources and `requestsPerCase` requests, over `tests` rule × action tests.
 */
export function runsWithinBudget(budget: BudgetConfig | undefined, tests: number, defaultRuns: number, perCase = { launches: 6, requests: 10 }): number {
  const limits = [defaultRuns];
  if (budget?.maxLaunches !== undefined) limits.push(Math.floor(budget.maxLaunches / (tests * perCase.launches)));
  if (budget?.maxRequests !== undefined) limits.push(Math.floor(budget.maxRequests / (tests * perCase.requests)));
  return Math.max(1, Math.min(...limits));
}
