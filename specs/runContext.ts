import { Breaker } from '../harness/breaker.ts';
import { Budget, runsWithinBudget } from '../harness/budget.ts';
import { Ledger } from '../harness/ledger.ts';
import { PromiseModel } from '../harness/model/promiseModel.ts';
import type { RunModel } from '../harness/model/runModel.ts';
import { resolveTarget, type ResolvedTarget, type TargetConfig } from '../harness/target.ts';
import { TokenMinter } from '../harness/tokens.ts';
import { Visibility } from '../harness/visibility.ts';
import { FixtureBook } from '../harness/fixtures/fixtureBook.ts';
import type { FixtureKind } from '../harness/fixtures/fixtureKinds.ts';
import { adapterFor } from '../harness/actions/index.ts';
import { DEFAULT_RUNS, type RuleRunContext } from './runRule.ts';
import { selectCases, type RuleCase } from './selection.ts';
import { inShard } from './shard.ts';
import { baseProfile } from '../plugins/registry.ts';
import type { RunSettings } from './settings.ts';

export interface PreparedRun {
  readonly context: RuleRunContext;
  readonly cases: readonly RuleCase[];
  readonly target: ResolvedTarget;
}

/**
 * Everything one run shares among its rules, built once from its settings: the rule × action
 * cases, one token minter, budget, ledger (its first line written), breaker, listing-lag memory and
 * model of bound tokens. Both runners use it: the CLI's (specs/runSuite.ts) and vitest's
 * (specs/conformanceTests.ts).
 */
export function prepareRun(settings: RunSettings & { readonly target: TargetConfig }): PreparedRun {
  // A plugin's profile behaves as its built-in base wherever the harness decides by profile.
  const profile = settings.profile ?? settings.target.profile ?? 'seed';
  const target = resolveTarget({ ...settings.target, profile: baseProfile(profile) });
  // --action (EC2IDEM_ACTIONS) chooses the actions outright; otherwise the target's (its file, or the default set).
  const actions = settings.actions ?? target.actions;
  const cases = inShard(selectCases(actions, settings.only), settings.shard);
  const ledger = settings.ledgerPath ? new Ledger(settings.ledgerPath) : undefined;
  ledger?.begin({
    run: settings.runId,
    target: { name: target.name, regions: target.regions.map((r) => ({ name: r.name, endpoint: r.endpoint.href })) },
    actions,
    targetFile: settings.targetFile,
    ...(settings.embedded ? { embedded: true } : {}),
  });
  const model: RunModel = new PromiseModel(target.profile);
  const context: RuleRunContext = {
    settings,
    target,
    minter: new TokenMinter(),
    secrets: secretValues(settings.target),
    defaultRuns: runsWithinBudget(target.budget, cases.length, DEFAULT_RUNS),
    ledger,
    budget: new Budget(target.budget),
    breaker: new Breaker(),
    visibility: new Visibility(target.consistencyWindowMs),
    model,
    fixtures: new FixtureBook(),
    ...(profile === target.profile ? {} : { profile }),
  };
  return { context, cases, target };
}

/** The secret values a target file carries, to scrub from anything an endpoint echoed. */
export function secretValues(config: TargetConfig): string[] {
  return [config.credentials, config.secondaryCredentials].flatMap((c) => (c ? [c.accessKeyId, c.secretAccessKey, ...(c.sessionToken ? [c.sessionToken] : [])] : []));
}

/** Every fixture the selected actions need. */
export function fixturesNeeded(cases: readonly RuleCase[]): Set<FixtureKind> {
  return new Set(cases.flatMap((c) => adapterFor(c.action).needs ?? []));
}
