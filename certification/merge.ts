import { createReadStream, createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { buildRunReport } from '../reports/build.ts';
import type { RunReport } from '../reports/model.ts';
import { checkRunReport } from '../reports/validate.ts';
import { writeBundle } from './bundle.ts';
import { BUNDLE, newBundleFolder } from './bundleFiles.ts';
import type { Certificate } from './certificate.ts';
import { canonicalJson } from './digest.ts';
import type { Product } from './product.ts';
import { verifyBundle, type VerifyOptions } from './verify.ts';

interface ShardBundle {
  readonly dir: string;
  readonly certificate: Certificate;
  readonly report: RunReport;
  readonly product: Product;
}

export type Merged = { readonly certificate: Certificate; readonly problems?: undefined } | { readonly problems: readonly string[] };

/**
 * Joins the bundles of every shard of one certification into one bundle `verify` accepts. Each
 * shard must verify on its own, and together they must be one certification: the same suite, rules,
 * product, profile, seed and settings, every shard 1..n exactly once, no rule × action twice.
 * The report is rebuilt from the shards' results (totals and verdict recomputed), the evidence
 * concatenated in shard order, and the certificate made anew.
 */
export async function mergeBundles(out: string, dirs: readonly string[], options: VerifyOptions = {}): Promise<Merged> {
  const shards: ShardBundle[] = [];
  const problems: string[] = [];
  for (const dir of dirs) {
    const verified = await verifyBundle(dir, options);
    if (verified.problems.length > 0 || !verified.certificate) {
      problems.push(...verified.problems.map((p) => `${dir}: ${p}`));
      continue;
    }
    const report = JSON.parse(await readFile(join(dir, BUNDLE.report), 'utf8')) as RunReport;
    const product = JSON.parse(await readFile(join(dir, BUNDLE.product), 'utf8')) as Product;
    shards.push({ dir, certificate: verified.certificate, report, product });
  }
  if (problems.length > 0) return { problems };
  problems.push(...checkOneCertification(shards));
  if (problems.length > 0) return { problems };
  const ordered = [...shards].sort((a, b) => a.certificate.settings.shard!.index - b.certificate.settings.shard!.index);
  const report = mergedReport(ordered.map((s) => s.report));
  const reportProblems = checkRunReport(report);
  if (reportProblems.length > 0) throw new Error(`internal error: the merged report does not match its schema: ${reportProblems.join('; ')}`);

  await newBundleFolder(out);
  const evidence = createWriteStream(join(out, BUNDLE.evidence), { flags: 'wx' });
  for (const shard of ordered) await pipeline(createReadStream(join(shard.dir, BUNDLE.evidence)), evidence, { end: false });
  await new Promise<void>((resolve, reject) => evidence.end((error?: Error | null) => (error ? reject(error) : resolve())));

  const first = ordered[0]!.certificate;
  const certificate = await writeBundle(out, {
    report,
    product: ordered[0]!.product,
    actions: first.settings.actions,
    runs: ordered.flatMap((s) => s.certificate.runs),
    expectations: ordered.some((s) => s.certificate.settings.expectations === 'ignored') ? 'ignored' : 'none',
    notes: [...new Set(ordered.flatMap((s) => s.certificate.notes))],
    minRunsPerRule: first.settings.minRunsPerRule,
    shards: ordered.length,
  });
  return { certificate };
}

/** What every shard of one certification shares, and how the shards divide it. */
function checkOneCertification(shards: readonly ShardBundle[]): string[] {
  const problems: string[] = [];
  const unsharded = shards.filter((s) => s.certificate.settings.shard === undefined);
  if (unsharded.length > 0) return [`not a shard (made without --shard): ${unsharded.map((s) => s.dir).join(', ')}`];
  const first = shards[0];
  if (first === undefined) return ['no shard bundles given'];
  const shared: [string, (s: ShardBundle) => unknown][] = [
    ['suite', (s) => s.certificate.suite],
    ['rule catalogue', (s) => s.certificate.catalogue],
    ['product (product.json)', (s) => s.product],
    ['target', (s) => s.certificate.target],
    ['profile', (s) => s.certificate.profile],
    ['seed', (s) => s.certificate.seed],
    ['settings', (s) => ({ ...s.certificate.settings, shard: s.certificate.settings.shard!.count })],
  ];
  for (const [what, pick] of shared) {
    const differing = shards.filter((s) => canonicalJson(pick(s)) !== canonicalJson(pick(first)));
    if (differing.length > 0) problems.push(`the shards are not of one certification: ${differing.map((s) => s.dir).join(', ')} differ from ${first.dir} in ${what}`);
  }
  const count = first.certificate.settings.shard!.count;
  const indices = shards.map((s) => s.certificate.settings.shard!.index);
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !indices.includes(i));
  if (missing.length > 0) problems.push(`shard(s) ${missing.map((i) => `${i}/${count}`).join(', ')} missing: a merge needs all ${count}`);
  const twice = [...new Set(indices.filter((i, k) => indices.indexOf(i) !== k))];
  if (twice.length > 0) problems.push(`shard(s) ${twice.map((i) => `${i}/${count}`).join(', ')} given more than once`);
  const pairs = shards.flatMap((s) => s.report.rules.map((r) => `${r.rule} × ${r.action}`));
  const overlap = [...new Set(pairs.filter((p, k) => pairs.indexOf(p) !== k))];
  if (overlap.length > 0) problems.push(`rule × action tests in more than one shard: ${overlap.join(', ')}`);
  return problems;
}

/** One report from the shards' reports: their results, their counts added up, their times spanned. */
function mergedReport(reports: readonly RunReport[]): RunReport {
  const first = reports[0]!;
  const start = Math.min(...reports.map((r) => Date.parse(r.run.startedAt)));
  const end = Math.max(...reports.map((r) => Date.parse(r.run.startedAt) + r.run.durationMs));
  const stopped = reports.flatMap((r) => (r.run.stopped === undefined ? [] : [r.run.stopped]));
  const { ruleCatalogueVersion: _, ...tool } = first.tool;
  return buildRunReport({
    tool,
    results: reports.flatMap((r) => r.rules),
    resourcesLeftBehind: reports.reduce((sum, r) => sum + r.totals.resourcesLeftBehind, 0),
    notices: [...new Set(reports.flatMap((r) => r.notices))],
    run: {
      id: reports.map((r) => r.run.id).join('+'),
      startedAt: new Date(start).toISOString(),
      durationMs: end - start,
      profile: first.run.profile,
      seed: first.run.seed,
      runsPerRule: first.run.runsPerRule,
      command: first.run.command,
      ...(stopped.length > 0 ? { stopped: stopped.join('; ') } : {}),
    },
    target: {
      name: first.target.name,
      endpoints: [...new Set(reports.flatMap((r) => r.target.endpoints))],
      regions: first.target.regions,
      embedded: first.target.embedded,
    },
  });
}
