import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { BugName } from '../emulator/bugs.ts';
import { EMBEDDED_REGIONS } from '../cli/embeddedTarget.ts';
import { runConformance, secretsOf } from '../cli/runConformance.ts';
import { HarnessError } from '../harness/errors.ts';
import { DEFAULT_ACTIONS, type ProductFields, type ProfileName, type TargetConfig, type TokenActionName } from '../harness/target.ts';
import type { RunReport } from '../reports/model.ts';
import { selectCases } from '../specs/selection.ts';
import { formatShard, inShard, type Shard } from '../specs/shard.ts';
import { writeBundle } from './bundle.ts';
import { BUNDLE, newBundleFolder } from './bundleFiles.ts';
import { endOf, type Certificate } from './certificate.ts';
import { EvidenceWriter } from './evidenceWriter.ts';
import { CERTIFICATION } from './policy.ts';
import { productFrom, referenceEmulatorProduct, type Product } from './product.ts';
import { checkProduct } from './schemas.ts';

export interface CertifyRequest {
  /** The bundle's folder: new or empty. */
  readonly out: string;
  /** Undefined: the embedded reference emulator. */
  readonly target?: TargetConfig;
  /** The target file, as given (recorded in the ledger). */
  readonly targetFile?: string;
  /** @defaultValue the target's profile, else seed */
  readonly profile?: ProfileName;
  /** The actions the vendor declares. @defaultValue the target file's `actions`, else DEFAULT_ACTIONS */
  readonly actions?: readonly TokenActionName[];
  readonly seed: number;
  /** Runs per rule; at least CERTIFICATION.minRunsPerRule. @defaultValue CERTIFICATION.minRunsPerRule */
  readonly runs?: number;
  readonly shard?: Shard;
  /** Product fields from the command line; each overrides the target file's `product`. @defaultValue none */
  readonly product?: ProductFields;
  /** The `ec2-idem run …` command that reproduces the target and profile, for replay lines. */
  readonly replayBase: string;
  /** Progress lines. @defaultValue process.stdout */
  readonly progress?: Writable;
  /**
   * For the suite's own tests, never reachable from the command line: a lower floor of runs per
   * rule (the certificate records it, and `verify` refuses it unless told the same floor), and a
   * seeded bug in the embedded emulator (the certificate notes it).
   */
  readonly internal?: { readonly minRunsPerRule?: number; readonly emulatorBug?: BugName };
}

export interface Certified {
  readonly certificate: Certificate;
  readonly report: RunReport;
  readonly product: Product;
  /** As `ec2-idem run`: 0 conformant, 1 not conformant or inconclusive, 2 the run could not test. */
  readonly exitCode: 0 | 1 | 2;
}

/**
 * One certification run: the usual run (cli/runConformance.ts) under the fixed settings (every rule,
 * every declared action, no expectations, at least the minimum runs per rule), with every attempt
 * streamed to evidence.jsonl, then the bundle around it (certification/bundle.ts).
 */
export async function certify(request: CertifyRequest): Promise<Certified> {
  const minRunsPerRule = request.internal?.minRunsPerRule ?? CERTIFICATION.minRunsPerRule;
  const runs = request.runs ?? minRunsPerRule;
  if (runs < minRunsPerRule) throw new HarnessError('EC2IDEM_USAGE', `--runs ${runs} is below the certification minimum of ${minRunsPerRule} runs per rule`);
  if (request.internal?.emulatorBug && request.target) throw new Error('a seeded bug applies to the embedded emulator only');
  const { target } = request;
  const testedRegions = target ? target.regions.map((r) => (typeof r === 'string' ? r : r.name)) : [...EMBEDDED_REGIONS];
  const product = productFrom(request.product ?? {}, target ? target.product : referenceEmulatorProduct(EMBEDDED_REGIONS), testedRegions);
  const productProblems = checkProduct(product);
  if (productProblems.length > 0) throw new HarnessError('EC2IDEM_USAGE', `the product is not valid: ${productProblems.join('; ')}`);
  const actions = request.actions ?? target?.actions ?? DEFAULT_ACTIONS;
  const profile = request.profile ?? target?.profile ?? 'seed';
  const tests = selectCases(actions).length;
  if (request.shard && inShard(selectCases(actions), request.shard).length === 0) {
    throw new HarnessError('EC2IDEM_USAGE', `--shard ${formatShard(request.shard)} has no rule × action test: there are only ${tests} to share among ${request.shard.count} shards`);
  }
  const notes: string[] = [];
  if (target?.expectations) {
    notes.push(`the target file names an expectations file (${target.expectations}); a certification does not read it: every failure counts`);
  }
  if (request.internal?.emulatorBug) notes.push(`self-test: the embedded emulator ran with the seeded bug ${request.internal.emulatorBug}`);

  await newBundleFolder(request.out);
  const progress = request.progress ?? process.stdout;
  const work = await mkdtemp(join(tmpdir(), 'ec2idem-certify-'));
  if (target) progress.write(`certify: ledger ${join(work, 'ledger.jsonl')} (after a killed run: ec2-idem cleanup --ledger FILE)\n`);
  if (request.shard) progress.write(`certify: shard ${formatShard(request.shard)}\n`);
  const evidence = new EvidenceWriter(join(request.out, BUNDLE.evidence), await secretsOf(target));
  let outcome: Awaited<ReturnType<typeof runConformance>>;
  try {
    outcome = await runConformance({
      target,
      targetFile: request.targetFile,
      profile,
      seed: request.seed,
      runs,
      actions,
      reportDir: work,
      replayBase: request.replayBase,
      ...(request.internal?.emulatorBug ? { emulator: { bug: request.internal.emulatorBug } } : {}),
      ...(request.shard ? { shard: request.shard } : {}),
      evidence,
      out: progress,
    });
  } finally {
    evidence.close();
  }
  if (outcome.report.rules.length === 0) {
    // The preflight refused the endpoint: nothing was certified, so no bundle is left.
    await rm(request.out, { recursive: true, force: true });
    throw new HarnessError('EC2IDEM_PREFLIGHT', outcome.report.run.stopped ?? 'no rule could run');
  }
  if (evidence.late > 0) notes.push(`${evidence.late} attempts ended after the run and are not in evidence.jsonl`);
  const { run } = outcome.report;
  const certificate = await writeBundle(request.out, {
    report: outcome.report,
    product,
    actions,
    runs: [{ id: run.id, startedAt: run.startedAt, endedAt: endOf(run), ...(request.shard ? { shard: request.shard } : {}) }],
    expectations: target?.expectations ? 'ignored' : 'none',
    notes,
    minRunsPerRule,
    ...(request.shard ? { shard: request.shard } : {}),
  });
  await rm(work, { recursive: true, force: true });
  return { certificate, report: outcome.report, product, exitCode: outcome.exitCode };
}
