import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import { defaultChainCredentials } from '../harness/credentials.ts';
import { scrub } from '../harness/redact.ts';
import type { TargetConfig, TokenActionName } from '../harness/target.ts';
import { buildRunReport } from '../reports/build.ts';
import { ResultCollector, type RuleHeader } from '../reports/collect.ts';
import { appendVerdictLine, writeReports, type ReportPaths } from '../reports/emit.ts';
import type { RunReport } from '../reports/model.ts';
import { ProgressReporter } from '../reports/progress.ts';
import { checkRunReport } from '../reports/validate.ts';
import { applyExpectations, type Expectations } from '../reports/expectations.ts';
import { CATALOG } from '../specs/catalog.ts';
import type { RuleId } from '../specs/ruleIds.ts';
import { DEFAULT_RUNS } from '../specs/runRule.ts';
import { newRunId, SETTINGS_ENV, type RunSettings } from '../specs/settings.ts';
import { EMBEDDED_ENDPOINT_ENV } from './embeddedTarget.ts';

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
  /** 0 conformant, 1 not conformant, 2 nothing ran (the notices say why). */
  readonly exitCode: 0 | 1 | 2;
}

const ruleHeader = (id: RuleId): RuleHeader | undefined => {
  const rule = CATALOG.find((r) => r.id === id);
  return rule && { title: rule.description, strength: rule.strength, source: rule.source };
};

/** Runs the specs through vitest's Node API (globalSetup starts the embedded emulator in this process). */
export async function runConformance(request: ConformanceRequest): Promise<ConformanceOutcome> {
  const started = new Date();
  const settings: RunSettings = {
    target: request.target,
    runId: newRunId(),
    seed: request.seed,
    runs: request.runs,
    only: request.only,
    actions: request.actions,
    path: request.path,
    replayBase: request.replayBase,
    profile: request.profile,
    emulator: request.emulator,
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
  const collected = await collector.done;
  const expected = request.expectations
    ? applyExpectations(collected.results, request.expectations, started.toISOString().slice(0, 10))
    : { results: [...collected.results], notices: [], stale: false };
  const report = buildRunReport({
    tool: TOOL,
    results: expected.results,
    resourcesLeftBehind: collected.resourcesLeftBehind,
    notices: [...collected.notices, ...expected.notices],
    run: {
      id: settings.runId,
      startedAt: started.toISOString(),
      durationMs: Date.now() - started.getTime(),
      profile: request.profile ?? request.target?.profile ?? 'seed',
      seed: request.seed,
      runsPerRule: request.runs ?? DEFAULT_RUNS,
      command: request.replayBase,
    },
    target: describeTarget(request.target),
  });
  // Verdicts crossed a worker boundary as JSON: check the shape, and scrub secrets once more.
  const problems = checkRunReport(report);
  if (problems.length > 0) throw new Error(`internal error: the report does not match its schema: ${problems.join('; ')}`);
  const safe = JSON.parse(scrub(JSON.stringify(report), await secretsOf(request.target))) as RunReport;
  const paths = await writeReports(safe, request.reportDir);
  const failing = safe.conformance === 'not-conformant' || (request.strict === true && expected.stale);
  const exitCode = safe.rules.length === 0 ? 2 : failing ? 1 : 0;
  return { report: safe, paths, exitCode };
}

async function secretsOf(target: TargetConfig | undefined): Promise<string[]> {
  if (!target) return [];
  const credentials = [target.credentials, target.secondaryCredentials];
  if (!target.credentials) credentials.push(await defaultChainCredentials().resolve().catch(() => undefined));
  return credentials.flatMap((c) => (c ? [c.accessKeyId, c.secretAccessKey, ...(c.sessionToken ? [c.sessionToken] : [])] : []));
}

function describeTarget(target: TargetConfig | undefined): RunReport['target'] {
  if (!target) {
    const endpoint = process.env[EMBEDDED_ENDPOINT_ENV];
    return { name: 'embedded reference emulator', endpoints: endpoint ? [endpoint] : [], regions: ['us-east-1', 'us-west-2'], embedded: true };
  }
  const regions = target.regions.map((r) => (typeof r === 'string' ? { name: r } : r));
  const endpoints = [...new Set([target.endpoint, ...regions.flatMap((r) => ('endpoint' in r && r.endpoint ? [r.endpoint] : []))])];
  return { name: target.name ?? new URL(target.endpoint).host, endpoints, regions: regions.map((r) => r.name), embedded: false };
}
