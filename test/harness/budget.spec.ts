import { describe, expect, it } from 'vitest';
import { Budget, BudgetExhausted, checkBudget, runsWithinBudget } from '../../harness/budget.ts';
import { checkTargetConfig, resolveTarget } from '../../harness/target.ts';

const target = (endpoint: string, budget?: object) =>
  resolveTarget(checkTargetConfig({ endpoint, regions: ['us-east-1'], imageId: 'ami-12345678', ...(budget ? { budget } : {}) }, 't'));

describe('checkBudget', () => {
  it('lets loopback targets run without a budget', () => expect(checkBudget(target('http://127.0.0.1:4566'))).toBeUndefined());
  it('refuses a remote target without one, naming the field to add', () => {
    expect(() => checkBudget(target('https://ec2.eu-west-1.amazonaws.com'))).toThrow(/refusing to run against ec2\.eu-west-1\.amazonaws\.com without a budget: add "budget"/);
  });
  it('states the most a budgeted run will do', () => {
    expect(checkBudget(target('https://ec2.eu-west-1.amazonaws.com', { maxLaunches: 50, maxAlive: 4, maxRequests: 900, requestsPerSecond: 2 }))).toBe(
      'budget: at most 50 resources created, 4 alive at once, 900 requests, 2 requests/s',
    );
  });
});

describe('Budget', () => {
  it('counts requests and refuses past maxRequests', async () => {
    const budget = new Budget({ maxRequests: 3 });
    for (let i = 0; i < 3; i += 1) await budget.beforeRequest();
    await expect(budget.beforeRequest()).rejects.toBeInstanceOf(BudgetExhausted);
  });

  it('paces requests to the rate, and halves the rate after RequestLimitExceeded', async () => {
    const budget = new Budget({ requestsPerSecond: 100 });
    const started = Date.now();
    for (let i = 0; i < 30; i += 1) await budget.beforeRequest(); // 10 in the bucket, then 20 at 100/s
    const paced = Date.now() - started;
    expect(paced).toBeGreaterThanOrEqual(150);
    budget.afterResponse({ kind: 'ec2-error', status: 503, code: 'RequestLimitExceeded', message: '', requestId: undefined, envelope: 'ec2' });
    const slowed = Date.now();
    for (let i = 0; i < 10; i += 1) await budget.beforeRequest();
    expect(Date.now() - slowed).toBeGreaterThanOrEqual(150); // 10 at 50/s
  });

  it('refuses launches past maxLaunches and waits while too many are alive', async () => {
    const budget = new Budget({ maxLaunches: 5, maxAlive: 2 });
    await budget.beforeLaunch(2);
    const waiting = budget.beforeLaunch(1);
    let done = false;
    void waiting.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(done).toBe(false);
    budget.released(1);
    await waiting;
    expect(budget.alive).toBe(2);
    await expect(budget.beforeLaunch(3)).rejects.toThrow(/maxLaunches \(5\) spent/);
  });
});

describe('runsWithinBudget', () => {
  it('keeps the default without limits and derives fewer cases from launches and requests', () => {
    expect(runsWithinBudget(undefined, 28, 30)).toBe(30);
    expect(runsWithinBudget({ maxLaunches: 840 }, 28, 30)).toBe(5);
    expect(runsWithinBudget({ maxRequests: 2800 }, 28, 30)).toBe(10);
    expect(runsWithinBudget({ maxLaunches: 1 }, 28, 30)).toBe(1);
  });
});
