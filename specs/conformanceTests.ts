import { afterAll, describe, inject, test } from 'vitest';
import '../reports/collect.ts';
import { TEST_TAG } from '../harness/actions/action.ts';
import { ACTION_ADAPTERS } from '../harness/actions/index.ts';
import { Breaker } from '../harness/breaker.ts';
import { Budget, runsWithinBudget } from '../harness/budget.ts';
import { sweepRun } from '../harness/cleanup.ts';
import { Ledger } from '../harness/ledger.ts';
import { resolveTarget } from '../harness/target.ts';
import { TokenMinter } from '../harness/tokens.ts';
import { Visibility } from '../harness/visibility.ts';
import { PromiseModel } from '../harness/model/promiseModel.ts';
import type { RunModel } from '../harness/model/runModel.ts';
import type { RuleId } from './ruleIds.ts';
import { DEFAULT_RUNS, runRule, testId, type RuleRunContext } from './runRule.ts';
import { isEndOfRun, selectCases, type RuleCase } from './selection.ts';

let shared: { context: RuleRunContext; cases: RuleCase[] } | undefined;

/**
 * The run as this worker sees it, built once: spec files that share a worker (the sharded
 * project runs them in one) share one token minter, one budget and one ledger.
 */
function run(): { context: RuleRunContext; cases: RuleCase[] } {
  if (shared) return shared;
  const settings = inject('ec2idemRun');
  if (!settings.target) throw new Error('ec2-idempotency-conformance: no target (globalSetup did not run)');
  const target = resolveTarget({ ...settings.target, profile: settings.profile ?? settings.target.profile });
  const secrets = [settings.target.credentials, settings.target.secondaryCredentials].flatMap((c) =>
    c ? [c.accessKeyId, c.secretAccessKey, ...(c.sessionToken ? [c.sessionToken] : [])] : [],
  );
  const actions = target.actions.filter((action) => !settings.actions || settings.actions.includes(action));
  const cases = selectCases(actions, settings.only);
  const ledger = settings.ledgerPath ? new Ledger(settings.ledgerPath) : undefined;
  ledger?.begin({
    run: settings.runId,
    target: { name: target.name, regions: target.regions.map((r) => ({ name: r.name, endpoint: r.endpoint.href })) },
    actions,
    targetFile: settings.targetFile,
    ...(settings.embedded ? { embedded: true } : {}),
  });
  const defaultRuns = runsWithinBudget(target.budget, cases.length, DEFAULT_RUNS);
  const breaker = new Breaker();
  const visibility = new Visibility(target.consistencyWindowMs);
  const model: RunModel = new PromiseModel(target.profile);
  shared = { cases, context: { settings, target, minter: new TokenMinter(), secrets, defaultRuns, ledger, budget: new Budget(target.budget), breaker, visibility, model } };
  return shared;
}

/**
 * One vitest test per rule × action, its verdict in `task.meta.result`, and a final sweep of what
 * these tests left. `rules` narrows the file to some rules (one spec file per rule, for --shard).
 */
export function conformanceTests(rules?: readonly RuleId[]): void {
  const { context, cases } = run();
  const mine = rules ? cases.filter((c) => rules.includes(c.rule.id)) : cases;
  if (mine.length === 0) {
    test.skip(`${rules?.join(', ') ?? 'every rule'}: not selected in this run`, () => {});
    return;
  }
  const ruleTest = ({ rule, action }: RuleCase) =>
    test(`${rule.id} ${action}`, async ({ task, skip }) => {
      const verdict = await runRule(rule, ACTION_ADAPTERS[action], context);
      task.meta.result = { ...verdict, title: rule.description, strength: rule.strength, source: rule.source };
      if (verdict.status === 'failed' || verdict.status === 'error') throw new Error(`${rule.id} ${action}: ${verdict.failure?.message ?? verdict.reason ?? verdict.status}`);
      if (verdict.status !== 'passed') skip(`${verdict.status}: ${verdict.reason ?? ''}`);
    });
  describe.concurrent('EC2 client-token idempotency', () => {
    for (const c of mine.filter((c) => !isEndOfRun(c))) ruleTest(c);
  });
  // Suites run one after the other: these start once every rule above has finished.
  const endOfRun = mine.filter(isEndOfRun);
  if (endOfRun.length > 0) describe('EC2 client-token idempotency, looking back on the run', () => endOfRun.forEach(ruleTest));
  afterAll(async ({}, suite) => {
    const { target, settings } = context;
    // The whole run: its tag. Part of it (other files may still be running): each test's tag.
    const scopes = rules && mine.length < cases.length ? mine.map((c) => ({ tag: TEST_TAG, value: testId(c.rule.id, c.action, settings.runId), actions: [c.action] })) : undefined;
    const stopped = context.breaker?.cause;
    // After the breaker tripped the endpoint answers garbage: sweep once, quickly, and say what may be left.
    const sweep = await sweepRun(target, settings.runId, scopes, { quick: stopped !== undefined, settleMs: context.visibility?.lagMs });
    for (const problem of sweep.problems) console.warn(`cleanup: ${problem}`);
    const meta = (suite.file ?? suite).meta;
    meta.cleanup = { resourcesLeftBehind: sweep.leftBehind };
    if (stopped !== undefined) meta.stopped = stopped;
  });
}
