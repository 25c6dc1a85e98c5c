import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import { defaultChainCredentials } from '../harness/credentials.ts';
import { scrub } from '../harness/redact.ts';
import { preflight } from '../harness/preflight.ts';
import { resolveTarget, type TargetConfig, type TokenActionName } from '../harness/target.ts';
import { buildRunReport } from '../reports/build.ts';
import { ResultCollector, type CollectedRun, type RuleHeader } from '../reports/collect.ts';
import { appendVerdictLine, writeReports, type ReportPaths } from '../reports/emit.ts';
import type { RunReport } from '../reports/model.ts';
import { ProgressReporter } from '../reports/progress.ts';
import { checkRunReport } from '../reports/validate.ts';
import { applyExpectations, type Expectations } from '../reports/expectations.ts';
import { CATALOG } from '../specs/catalog.ts';
import type { RuleId } from '../specs/ruleIds.ts';
import { DEFAULT_RUNS } from '../specs/runRule.ts';
import { newRunId, SETTINGS_ENV, type RunSettings } from '../specs/settings.ts';
import { startEmbeddedTarget, type EmbeddedOptions } from './embeddedTarget.ts';

const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
const TOOL = { name: 'ec2-idempotency-conformance', version: '0.1.0' };

export interface ConformanceRequest {
  /** Undefined: the embedded reference emulator. */
  readonly target?: TargetConfig;
  readonly profile?: TargetConfig['profile'];
  readonly seed: number;
  readonly runs?: number;
  readonly only?: readonly RuleId[];
  readonly actions?: readonly TokenActionName[];
  readonly path?: string;
  /** Replay path of a sequence of steps (HISTORY). */
  readonly stepsPath?: string;
  readonly reportDir: string;
  /** The command line, without replay flags, that reproduces this run. */
  readonly replayBase: string;
  readonly emulator?: RunSettings['emulator'];
  /** The target file given on the command line (recorded in the ledger for cleanup). */
  readonly targetFile?: string;
  /** Documented deviations of this target. @defaultValue none */
  readonly expectations?: Expectations;
  /** Unexpected passes and expired deviations fail the run. @defaultValue false */
  readonly strict?: boolean;
  /** Progress lines. @defaultValue process.stdout */
  readonly out?: Writable;
}

export interface ConformanceOutcome {
  readonly report: RunReport;
  readonly paths: ReportPaths;
  /** 0 conformant, 1 not conformant or inconclusive, 2 nothing could be tested or the run stopped early (`report.run.stopped`). */
  readonly exitCode: 0 | 1 | 2;
}

const ruleHeader = (id: RuleId): RuleHeader | undefined => {
  const rule = CATALOG.find((r) => r.id === id);
  return rule && { title: rule.description, strength: rule.strength, source: rule.source };
};

/**
 * Runs the suite: starts the embedded emulator when there is no target, runs the preflight (an
 * endpoint that does not speak EC2 ends the run here, exit 2), then the specs through vitest's Node
 * API, and writes the reports.
 */
export async function runConformance(request: ConformanceRequest): Promise<ConformanceOutcome> {
  const started = new Date();
  const runId = newRunId();
  const embedded = request.target ? undefined : await startEmbeddedTarget({ profile: request.profile ?? 'seed', seed: request.seed, ...request.emulator } as EmbeddedOptions);
  try {
    const config = request.target ?? embedded!.target;
    const target = resolveTarget({ ...config, profile: request.profile ?? config.profile });
    const actions = target.actions.filter((action) => !request.actions || request.actions.includes(action));
    const checked = await preflight(target, { runId, seed: request.seed, actions });
    const collected = checked.problem === undefined ? await runSpecs(request, { config, runId, embedded: embedded !== undefined }) : undefined;
    return await finishRun(request, {
      started,
      runId,
      target: describeTarget(config, embedded !== undefined),
      collected: collected ?? { results: [], resourcesLeftBehind: 0, notices: [] },
      stopped: checked.problem ?? collected?.stopped,
      secrets: await secretsOf(request.target),
    });
  } finally {
    await embedded?.emulator.close();
  }
}

/** The rules, through vitest's Node API (the worker reads its settings from the environment). */
async function runSpecs(request: ConformanceRequest, run: { config: TargetConfig; runId: string; embedded: boolean }): Promise<CollectedRun> {
  const settings: RunSettings = {
    target: run.config,
    embedded: run.embedded,
    preflighted: true,
    runId: run.runId,
    seed: request.seed,
    runs: request.runs,
    only: request.only,
    actions: request.actions,
    path: request.path,
    stepsPath: request.stepsPath,
    replayBase: request.replayBase,
    profile: request.profile,
    ledgerPath: join(request.reportDir, 'ledger.jsonl'),
    targetFile: request.targetFile && resolve(request.targetFile),
  };
  // The collector awaits each line and warns if it cannot be written, instead of an unhandled rejection.
  const collector = new ResultCollector({ ruleHeader, onResult: async (result) => void (await appendVerdictLine(request.reportDir, result)) });
  process.env[SETTINGS_ENV] = JSON.stringify(settings);
  try {
    const vitest = await startVitest('test', [], {
      root: PACKAGE_ROOT,
      config: fileURLToPath(new URL('../vitest.config.ts', import.meta.url)),
      project: 'conformance',
      watch: false,
      reporters: [new ProgressReporter(request.out), collector],
    });
    await vitest.close();
  } finally {
    delete process.env[SETTINGS_ENV];
  }
  return collector.done;
}

export interface Gathered {
  readonly started: Date;
  readonly runId: string;
  readonly target: RunReport['target'];
  readonly collected: Pick<CollectedRun, 'results' | 'resourcesLeftBehind' | 'notices'>;
  readonly stopped: string | undefined;
  readonly secrets: readonly string[];
}

/** Builds, checks, scrubs and writes the reports; the exit code follows the verdict. */
export async function finishRun(request: ConformanceRequest, gathered: Gathered): Promise<ConformanceOutcome> {
  const { collected, started } = gathered;
  const expected = request.expectations
    ? applyExpectations(collected.results, request.expectations, started.toISOString().slice(0, 10))
    : { results: [...collected.results], notices: [], stale: false };
  const report = buildRunReport({
    tool: TOOL,
    results: expected.results,
    resourcesLeftBehind: collected.resourcesLeftBehind,
    notices: [...collected.notices, ...expected.notices],
    run: {
      id: gathered.runId,
      startedAt: started.toISOString(),
      durationMs: Date.now() - started.getTime(),
      profile: request.profile ?? request.target?.profile ?? 'seed',
      seed: request.seed,
      runsPerRule: request.runs ?? DEFAULT_RUNS,
      command: request.replayBase,
      ...(gathered.stopped === undefined ? {} : { stopped: gathered.stopped }),
    },
    target: gathered.target,
  });
  // Verdicts crossed a worker boundary as JSON: check the shape, and scrub secrets once more.
  const problems = checkRunReport(report);
  if (problems.length > 0) throw new Error(`internal error: the report does not match its schema: ${problems.join('; ')}`);
  const safe = JSON.parse(scrub(JSON.stringify(report), gathered.secrets)) as RunReport;
  const paths = await writeReports(safe, request.reportDir);
  return { report: safe, paths, exitCode: exitCodeOf(safe, request.strict === true && expected.stale) };
}

/** 0 conformant; 1 not conformant or inconclusive (or stale expectations under --strict); 2 the run could not test. */
export function exitCodeOf(report: RunReport, staleAndStrict: boolean): 0 | 1 | 2 {
  if (report.run.stopped !== undefined || report.conformance === 'untested') return 2;
  if (report.conformance === 'not-conformant' || report.conformance === 'inconclusive' || staleAndStrict) return 1;
  return 0;
}

export async function secretsOf(target: TargetConfig | undefined): Promise<string[]> {
  if (!target) return [];
  const credentials = [target.credentials, target.secondaryCredentials];
  if (!target.credentials) credentials.push(await defaultChainCredentials().resolve().catch(() => undefined));
  return credentials.flatMap((c) => (c ? [c.accessKeyId, c.secretAccessKey, ...(c.sessionToken ? [c.sessionToken] : [])] : []));
}

function describeTarget(config: TargetConfig, embedded: boolean): RunReport['target'] {
  const regions = config.regions.map((r) => (typeof r === 'string' ? { name: r } : r));
  const endpoints = [...new Set([config.endpoint, ...regions.flatMap((r) => ('endpoint' in r && r.endpoint ? [r.endpoint] : []))])];
  return { name: config.name ?? new URL(config.endpoint).host, endpoints, regions: regions.map((r) => r.name), embedded };
}
