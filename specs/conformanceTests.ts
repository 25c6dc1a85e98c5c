import { afterAll, beforeAll, describe, inject, test } from 'vitest';
import { cleanFixtures } from '../harness/fixtures/cleanFixtures.ts';
import '../reports/collect.ts';
import { TEST_TAG } from '../harness/actions/action.ts';
import { sweepRun } from '../harness/cleanup.ts';
import { adapterFor } from '../plugins/registry.ts';
import type { AnyRuleId } from './ruleIds.ts';
import { fixturesNeeded, prepareRun, type PreparedRun } from './runContext.ts';
import { runRule, testId, type RuleRunContext } from './runRule.ts';
import { isEndOfRun, type RuleCase } from './selection.ts';

let shared: PreparedRun | undefined;

/**
 * The run as this worker sees it, built once: spec files that share a worker (the sharded
 * project runs them in one) share one token minter, one budget and one ledger.
 */
function run(): PreparedRun {
  if (shared) return shared;
  const settings = inject('ec2idemRun');
  if (!settings.target) throw new Error('ec2-idempotency-conformance: no target (globalSetup did not run)');
  shared = prepareRun({ ...settings, target: settings.target });
  return shared;
}

/**
 * One vitest test per rule × action, its verdict in `task.meta.result`, and a final sweep of what
 * these tests left. `rules` narrows the file to some rules (one spec file per rule, for --shard).
 */
export function conformanceTests(rules?: readonly AnyRuleId[]): void {
  const { context, cases } = run();
  const mine = rules ? cases.filter((c) => rules.includes(c.rule.id)) : cases;
  defineRuleTests(mine, () => context, { label: rules?.join(', '), part: rules !== undefined && mine.length < cases.length });
}

export interface RuleTestOptions {
  /** What the tests are, when none is selected. @defaultValue 'every rule' */
  readonly label?: string;
  /** These tests are part of the run (other files run the rest): the sweep is by each test's tag. @defaultValue false */
  readonly part?: boolean;
  /** Before the fixtures are provisioned (the vendor entry starts its emulator here). */
  readonly before?: () => Promise<void>;
  /** After the sweep (the vendor entry stops its emulator here). */
  readonly after?: () => Promise<void>;
}

/**
 * The tests of a prepared run: fixtures first, then one test per rule × action (end-of-run rules
 * after every other), then the sweep. `context` is read when the tests run, so it may be built in
 * `before` (the vendor entry, api/index.ts, knows its endpoint only once its emulator listens).
 */
export function defineRuleTests(mine: readonly RuleCase[], context: () => RuleRunContext, options: RuleTestOptions = {}): void {
  if (mine.length === 0) {
    test.skip(`${options.label ?? 'every rule'}: not selected in this run`, () => {});
    return;
  }
  beforeAll(async () => {
    await options.before?.();
    const { fixtures, target, settings, ledger } = context();
    await fixtures?.provision(target, fixturesNeeded(mine), { runId: settings.runId, ledger });
  });
  const ruleTest = ({ rule, action }: RuleCase) =>
    test(`${rule.id} ${action}`, async ({ task, skip }) => {
      const verdict = await runRule(rule, adapterFor(action), context());
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
    try {
      const current = context();
      const { target, settings } = current;
      // The whole run: its tag. Part of it (other files may still be running): each test's tag.
      const scopes = options.part ? mine.map((c) => ({ tag: TEST_TAG, value: testId(c.rule.id, c.action, settings.runId), actions: [c.action] })) : undefined;
      const stopped = current.breaker?.cause;
      // After the breaker tripped the endpoint answers garbage: sweep once, quickly, and say what may be left.
      // Fixtures (only a whole run's) go between the first pass and the second look, as in runSuite.
      const removeFixtures = async () => (current.fixtures?.createdAny && !scopes ? cleanFixtures(target, settings.runId) : { leftBehind: 0, problems: [] });
      const sweep = await sweepRun(target, settings.runId, scopes, { quick: stopped !== undefined, settleMs: current.visibility?.lagMs, betweenLooks: removeFixtures });
      for (const problem of sweep.problems) console.warn(`cleanup: ${problem}`);
      const meta = (suite.file ?? suite).meta;
      meta.cleanup = { resourcesLeftBehind: sweep.leftBehind };
      if (stopped !== undefined) meta.stopped = stopped;
    } finally {
      await options.after?.();
    }
  });
}
