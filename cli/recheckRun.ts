// The body of `ec2-idem recheck` (cli/commands/recheck.ts parses the flags, then imports this).
import { join } from 'node:path';
import { adapterFor, isKnownAction } from '../harness/actions/index.ts';
import { sweepRun } from '../harness/cleanup.ts';
import { HarnessError } from '../harness/errors.ts';
import { Ledger, readLedger, type RetainEntry, type RunEntry } from '../harness/ledger.ts';
import { fingerprintOf, PromiseModel } from '../harness/model/promiseModel.ts';
import type { RecordedCreate, RunModel } from '../harness/model/runModel.ts';
import type { Ok } from '../harness/outcome.ts';
import { preflight } from '../harness/preflight.ts';
import { resolveTarget, type ProfileName } from '../harness/target.ts';
import { TokenMinter } from '../harness/tokens.ts';
import { Visibility } from '../harness/visibility.ts';
import type { RuleResult } from '../reports/model.ts';
import retention, { replayAll } from '../specs/retention.ts';
import { defineRule } from '../specs/rule.ts';
import { runRule } from '../specs/runRule.ts';
import { newRunId } from '../specs/settings.ts';
import type { RecheckValues } from './commands/recheck.ts';
import { notLoaded, targetOfLedger } from './ledgerTarget.ts';
import { finishRun, secretsOf } from './runConformance.ts';

export async function recheck(ledgerPath: string, values: RecheckValues): Promise<number> {
  const entries = readLedger(ledgerPath);
  const retained = entries.filter((e): e is RetainEntry => e.t === 'retain');
  const run = values.run ?? retained.at(-1)?.run;
  const samples = retained.filter((e) => e.run === run);
  if (run === undefined || samples.length === 0) throw new HarnessError('EC2IDEM_LEDGER', `ledger ${ledgerPath} holds no retained tokens${values.run ? ` for run ${values.run}` : ''}: they are written by the RETENTION rule at the end of a run`);
  const header = entries.find((e): e is RunEntry => e.t === 'run' && e.run === run);
  if (header?.embedded && values.target === undefined) {
    throw new HarnessError('EC2IDEM_LEDGER', `run ${run} tested the embedded emulator, which kept its tokens only while that run lasted: recheck a run against an endpoint that outlives it (ec2-idem run --endpoint/--target), or pass --target`);
  }
  const oldest = Math.min(...samples.map((s) => Date.parse(s.boundAt)));
  const minAgeMs = duration(values['min-age'] ?? '24h');
  const age = Date.now() - oldest;
  if (age < minAgeMs) {
    throw new HarnessError('EC2IDEM_USAGE', `the oldest token of run ${run} is ${human(age)} old and the promise is about ${human(minAgeMs)}: run recheck after ${new Date(oldest + minAgeMs).toISOString()}, or pass --min-age 0`);
  }
  const config = await targetOfLedger(header, values.target, { flags: values.plugin, allowOverride: values['allow-override'] });
  const profile = oneOf(values.profile);
  const target = resolveTarget({ ...config, profile: profile ?? config.profile });
  const started = new Date();
  const recheckRun = newRunId();
  const named = [...new Set(samples.map((s) => s.action))];
  const actions = named.filter((a) => isKnownAction(a));
  const unknown = named.filter((a) => !isKnownAction(a));
  const checked = await preflight(target, { runId: recheckRun, seed: 0, actions });
  const model = modelOf(samples, target.profile);
  const reportDir = values['report-dir'] ?? 'recheck-report';
  const rule = defineRule({ ...retention, check: (h) => replayAll(h, model.all().filter((b) => b.scope.action === h.action.name)) });
  const settings = { runId: recheckRun, seed: 0, replayBase: `npx ec2-idem recheck --ledger ${ledgerPath} --min-age 0` };
  const results: RuleResult[] = [];
  if (checked.problem === undefined) {
    for (const action of actions) {
      const context = { settings, target, minter: new TokenMinter(), secrets: await secretsOf(config), defaultRuns: 1, model, visibility: new Visibility(target.consistencyWindowMs), ledger: new Ledger(join(reportDir, 'ledger.jsonl')) };
      const verdict = await runRule(rule, adapterFor(action), context);
      results.push({ ...verdict, title: rule.description, strength: rule.strength, source: rule.source });
    }
  }
  // Tokens of an action no loaded plugin knows could not be sent: that action's result is skipped, never passed.
  for (const action of unknown) {
    const reason = `the tokens of ${action} were not sent again: ${notLoaded(action)}`;
    results.push({ rule: rule.id, action, status: 'skipped', reason, runs: 0, requests: 0, resourcesCreated: 0, durationMs: 0, title: rule.description, strength: rule.strength, source: rule.source });
  }
  // The replays carry the earlier run's tags: anything of that run still alive now, a replay made.
  const sweep = await sweepRun(target, run);
  for (const problem of sweep.problems) process.stderr.write(`cleanup: ${problem}\n`);
  const outcome = await finishRun(
    { target: config, profile, seed: 0, reportDir, replayBase: settings.replayBase },
    { started, runId: recheckRun, target: { name: target.name, endpoints: target.regions.map((r) => r.endpoint.href), regions: target.regions.map((r) => r.name), embedded: false }, collected: { results, resourcesLeftBehind: sweep.leftBehind, notices: [] }, stopped: checked.problem, secrets: await secretsOf(config) },
  );
  const line = results.map((r) => `${r.rule} ${r.action} ${r.status}${r.failure ? `: ${r.failure.message}` : r.reason ? `: ${r.reason}` : ''}`).join('\n');
  process.stdout.write(`recheck of run ${run}: ${samples.length} tokens, the oldest ${human(age)} old\n${line}\n${outcome.report.conformance} · reports: ${outcome.paths.markdown}, ${outcome.paths.json}, ${outcome.paths.junit}, ${outcome.paths.html}\n`);
  if (checked.problem !== undefined) process.stderr.write(`ec2-idem recheck: ${checked.problem}\n`);
  return outcome.exitCode;
}

/** The earlier run's retained tokens as a model: bound to their first answers, deleted as they were. */
function modelOf(samples: readonly RetainEntry[], profile: ProfileName): RunModel {
  const model: RunModel = new PromiseModel(profile);
  for (const sample of samples) {
    const request: RecordedCreate = { call: sample.call as RecordedCreate['call'], region: sample.region, identity: sample.identity === 'secondary' ? 'secondary' : 'primary', context: sample.context };
    const scope = { account: request.identity, region: sample.region, action: sample.action, token: String(sample.call.params.ClientToken) };
    model.bind(scope, fingerprintOf(sample.call.action, sample.call.params), sample.resources, sample.answer as Ok, Date.parse(sample.boundAt), request);
    if (sample.deleted) model.deleted(sample.resources);
  }
  return model;
}

function oneOf(profile: string | undefined): ProfileName | undefined {
  if (profile === undefined) return undefined;
  if (profile === 'seed' || profile === 'aws-current' || profile === 'strict') return profile;
  throw new HarnessError('EC2IDEM_USAGE', `--profile must be one of seed, aws-current, strict (got "${profile}")`);
}

/** `24h`, `90m`, `30s`, `500ms` or `0` → milliseconds. */
export function duration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!match) throw new HarnessError('EC2IDEM_USAGE', `--min-age must be a duration such as 24h, 90m, 30s or 0 (got "${text}")`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] ?? 's'] ?? 1000;
  return Number(match[1]) * unit;
}

function human(ms: number): string {
  if (ms >= 3_600_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  if (ms >= 60_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 1000).toFixed(1)} s`;
}
