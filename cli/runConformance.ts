import { join, resolve } from 'node:path';
import pkg from '../package.json' with { type: 'json' };
import type { Writable } from 'node:stream';
import { defaultChainCredentials } from '../harness/credentials.ts';
import type { EvidenceSink } from '../harness/evidence.ts';
import { scrub } from '../harness/redact.ts';
import type { ActionName, EmbeddedTargetFile, TargetConfig } from '../harness/target.ts';
import { buildRunReport } from '../reports/build.ts';
import type { CollectedRun } from '../reports/collect.ts';
import { appendVerdictLine, writeReports, type ReportPaths } from '../reports/emit.ts';
import type { RunReport } from '../reports/model.ts';
import { progressLine } from '../reports/progress.ts';
import { checkRunReport } from '../reports/validate.ts';
import { applyExpectations, type Expectations } from '../reports/expectations.ts';
import type { AnyRuleId } from '../specs/ruleIds.ts';
import { withRuleHeader } from '../specs/ruleResult.ts';
import { runSuite } from '../specs/runSuite.ts';
import { DEFAULT_RUNS } from '../specs/runRule.ts';
import { newRunId, type RunSettings } from '../specs/settings.ts';
import type { Shard } from '../specs/shard.ts';
import { startEmbeddedTarget, type EmbeddedOptions } from './embeddedTarget.ts';
import { activeOverrides, baseProfile, pluginRecords } from '../plugins/registry.ts';

const TOOL = { name: pkg.name, version: pkg.version };

export interface ConformanceRequest {
  /** Undefined: the embedded reference emulator. */
  readonly target?: TargetConfig;
  readonly profile?: TargetConfig['profile'];
  readonly seed: number;
  readonly runs?: number;
  readonly only?: readonly AnyRuleId[];
  readonly actions?: readonly ActionName[];
  /** A target file that names no endpoint: its settings apply to the embedded emulator's target. @defaultValue none */
  readonly embeddedTarget?: EmbeddedTargetFile;
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
  /** Run only this shard of the rule × action list. @defaultValue all of it */
  readonly shard?: Shard;
  /** Shrink counterexamples. @defaultValue true */
  readonly shrink?: boolean;
  /** Receives every attempt the rules send (a certification's evidence). @defaultValue none */
  readonly evidence?: EvidenceSink;
}

export interface ConformanceOutcome {
  readonly report: RunReport;
  readonly paths: ReportPaths;
  /** 0 conformant, 1 not conformant or inconclusive, 2 nothing could be tested or the run stopped early (`report.run.stopped`). */
  readonly exitCode: 0 | 1 | 2;
}

/**
 * Runs the suite in this process: starts the embedded emulator when there is no target, then the
 * preflight (an endpoint that does not speak EC2 ends the run there, exit 2), every rule (a line
 * each as it ends, and `verdicts.jsonl`), the final sweep, and writes the reports. (The vitest
 * entry, specs/conformance.spec.ts, runs the same rules from the same prepared run.)
 */
export async function runConformance(request: ConformanceRequest): Promise<ConformanceOutcome> {
  const started = new Date();
  const runId = newRunId();
  const embedded = request.target ? undefined : await startEmbeddedTarget({ profile: baseProfile(request.profile ?? 'seed'), seed: request.seed, ...request.emulator } as EmbeddedOptions);
  try {
    const config = request.target ?? withFileSettings(embedded!.target, request.embeddedTarget);
    const settings = settingsFor(request, config, runId, embedded !== undefined);
    const out = request.out ?? process.stdout;
    const notices: string[] = [];
    const run = await runSuite({
      settings,
      sweep: true,
      ...(request.shrink === false ? { shrink: false } : {}),
      ...(request.evidence ? { evidence: request.evidence } : {}),
      onVerdict: async (verdict) => {
        const result = withRuleHeader(verdict);
        out.write(`${progressLine(result)}\n`);
        // A crashed run still leaves the verdicts it reached; a write that fails is a notice, not a crash.
        await appendVerdictLine(request.reportDir, result).catch((error: Error) => notices.push(`could not record ${result.rule} ${result.action}: ${error.message}`));
      },
    });
    for (const problem of run.sweep?.problems ?? []) notices.push(`cleanup: ${problem}`);
    return await finishRun(request, {
      started,
      runId,
      target: describeTarget(config, embedded !== undefined),
      collected: { results: run.verdicts.map(withRuleHeader), resourcesLeftBehind: run.sweep?.leftBehind ?? 0, notices },
      stopped: run.stopped,
      secrets: await secretsOf(request.target),
    });
  } finally {
    await embedded?.emulator.close();
  }
}

/** The embedded emulator's target, with the settings of an embedded target file (not its plugins: they are loaded). */
function withFileSettings(target: TargetConfig, file: EmbeddedTargetFile | undefined): TargetConfig {
  if (!file) return target;
  const { embedded: _embedded, plugins: _plugins, ...settings } = file;
  return { ...target, ...settings };
}

function settingsFor(request: ConformanceRequest, config: TargetConfig, runId: string, embedded: boolean): RunSettings & { target: TargetConfig } {
  return {
    target: config,
    embedded,
    preflighted: true,
    runId,
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
    ...(request.shard ? { shard: request.shard } : {}),
  };
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
      ...(activeOverrides().length === 0 ? {} : { overrides: [...activeOverrides()] }),
    },
    target: gathered.target,
    plugins: pluginRecords(),
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
