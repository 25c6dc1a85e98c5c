import { afterAll, describe, inject, test } from 'vitest';
import '../reports/collect.ts';
import { ACTION_ADAPTERS } from '../harness/actions/index.ts';
import { Budget, runsWithinBudget } from '../harness/budget.ts';
import { sweepRun } from '../harness/cleanup.ts';
import { Ledger } from '../harness/ledger.ts';
import { resolveTarget } from '../harness/target.ts';
import { TokenMinter } from '../harness/tokens.ts';
import { DEFAULT_RUNS, runRule, type RuleRunContext } from './runRule.ts';
import { selectCases } from './selection.ts';

// The only vitest entry of the product: one test per rule × action, its verdict in task.meta.
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
});
const context: RuleRunContext = {
  settings,
  target,
  minter: new TokenMinter(),
  secrets,
  defaultRuns: runsWithinBudget(target.budget, cases.length, DEFAULT_RUNS),
  ledger,
  budget: new Budget(target.budget),
};

describe.concurrent('EC2 client-token idempotency', () => {
  for (const { rule, action } of cases) {
    test(`${rule.id} ${action}`, async ({ task, skip }) => {
      const verdict = await runRule(rule, ACTION_ADAPTERS[action], context);
      task.meta.result = { ...verdict, title: rule.description, strength: rule.strength, source: rule.source };
      if (verdict.status === 'failed') throw new Error(`${rule.id} ${action}: ${verdict.failure?.message ?? 'failed'}`);
      if (verdict.status === 'not-applicable' || verdict.status === 'skipped') skip(verdict.reason);
    });
  }
});

afterAll(async ({}, suite) => {
  const sweep = await sweepRun(target, settings.runId);
  for (const problem of sweep.problems) console.warn(`cleanup: ${problem}`);
  (suite.file ?? suite).meta.cleanup = { resourcesLeftBehind: sweep.leftBehind };
});
