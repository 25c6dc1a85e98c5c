import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { HarnessError } from '../harness/errors.ts';
import type { RunReport } from '../reports/model.ts';
import { checkRunReport } from '../reports/validate.ts';
import { badgeSvg } from './badge.ts';
import { BUNDLE } from './bundleFiles.ts';
import type { Certificate } from './certificate.ts';
import { catalogueDigest } from './catalogueDigest.ts';
import { checkEvidence } from './checkEvidence.ts';
import { checkFiles } from './checkFiles.ts';
import { checkSettings } from './checkSettings.ts';
import { checkVerdicts } from './checkVerdicts.ts';
import { CERTIFICATION } from './policy.ts';
import type { Product } from './product.ts';
import { checkCertificate, checkProduct } from './schemas.ts';
import { SUITE } from './suite.ts';

export interface VerifyOptions {
  /** For the suite's own tests only: the floor of runs per rule to hold the bundle to. @defaultValue CERTIFICATION.minRunsPerRule */
  readonly minRunsPerRule?: number;
}

export interface Verification {
  /** Every reason the bundle is not valid; empty when it is. */
  readonly problems: readonly string[];
  /** One line on what the bundle certifies, when its certificate could be read. */
  readonly summary: string;
  readonly certificate?: Certificate;
}

/**
 * Checks a certification bundle offline: the certificate's schema and every file's digest, the
 * report's and product's schemas, the rules that judged it against the installed ones, the fixed
 * settings, every verdict recomputed from report.json, and each failure's transcript in the evidence.
 * A folder that does not exist is a usage error; everything else is a problem in the list.
 */
export async function verifyBundle(dir: string, options: VerifyOptions = {}): Promise<Verification> {
  const folder = await stat(dir).catch(() => undefined);
  if (!folder?.isDirectory()) throw new HarnessError('EC2IDEM_USAGE', `${dir} is not a folder (give the folder ec2-idem certify wrote)`);
  const certificateRead = await readJson(dir, BUNDLE.certificate);
  if ('problem' in certificateRead) return { problems: [certificateRead.problem], summary: '' };
  const certificateProblems = checkCertificate(certificateRead.value);
  if (certificateProblems.length > 0) return { problems: certificateProblems.map((p) => `certificate.json does not match its schema: ${p}`), summary: '' };
  const certificate = certificateRead.value as Certificate;
  const problems: string[] = [...(await checkFiles(dir, certificate.files))];

  const product = await readChecked<Product>(dir, BUNDLE.product, checkProduct, problems);
  problems.push(...checkCatalogue(certificate));
  const sameCatalogue = certificate.catalogue.sha256 === catalogueDigest().sha256;
  const report = await readChecked<RunReport>(dir, BUNDLE.report, checkRunReport, problems);
  if (report) {
    if (report.tool.name !== certificate.suite.name || report.tool.version !== certificate.suite.version || report.tool.ruleCatalogueVersion !== certificate.catalogue.version) {
      problems.push(`report.json was made by ${report.tool.name} ${report.tool.version} (catalogue v${report.tool.ruleCatalogueVersion}), certificate.json says ${certificate.suite.name} ${certificate.suite.version} (catalogue v${certificate.catalogue.version})`);
    }
    problems.push(...checkRuns(certificate, report));
    problems.push(...checkSettings(certificate, report, product, options.minRunsPerRule ?? CERTIFICATION.minRunsPerRule, sameCatalogue));
    problems.push(...checkVerdicts(certificate, report));
    if (BUNDLE.evidence in certificate.files && (await stat(join(dir, BUNDLE.evidence)).catch(() => undefined))) {
      problems.push(...(await checkEvidence(join(dir, BUNDLE.evidence), report)));
    }
  }
  if (certificate.suite.version === SUITE.version && BUNDLE.badge in certificate.files) {
    const badge = await readFile(join(dir, BUNDLE.badge), 'utf8').catch(() => undefined);
    const expected = badgeSvg({ suiteVersion: certificate.suite.version, profile: certificate.profile, verdict: certificate.verdict, level: certificate.level });
    if (badge !== undefined && badge !== expected) problems.push('badge.svg does not show what certificate.json says');
  }
  return { problems, summary: summaryOf(certificate, product), certificate };
}

/** The rules that judged the bundle must be the installed ones; otherwise say which suite to verify it with. */
function checkCatalogue(certificate: Certificate): string[] {
  const installed = catalogueDigest();
  if (certificate.catalogue.sha256 === installed.sha256 && certificate.catalogue.version === installed.version) return [];
  return [
    `the bundle was judged by ${certificate.suite.name} ${certificate.suite.version} with rule catalogue v${certificate.catalogue.version} (sha256 ${certificate.catalogue.sha256.slice(0, 12)}…); ` +
      `this is ${SUITE.version} with catalogue v${installed.version} (sha256 ${installed.sha256.slice(0, 12)}…): verify it with ${certificate.suite.name}@${certificate.suite.version}`,
  ];
}

/** One run per bundle, or one per shard of a merged bundle, and report.json's run is made of them. */
function checkRuns(certificate: Certificate, report: RunReport): string[] {
  const expected = certificate.settings.shards ?? 1;
  const problems: string[] = [];
  if (certificate.runs.length !== expected) problems.push(`certificate.json lists ${certificate.runs.length} run(s), expected ${expected}`);
  const ids = certificate.runs.map((r) => r.id).join('+');
  if (report.run.id !== ids) problems.push(`report.json is run ${report.run.id}, certificate.json lists ${ids}`);
  return problems;
}

async function readJson(dir: string, name: string): Promise<{ value: unknown } | { problem: string }> {
  let text: string;
  try {
    text = await readFile(join(dir, name), 'utf8');
  } catch {
    return { problem: `${name} is missing` };
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { problem: `${name} is not valid JSON (${(error as Error).message})` };
  }
}

/** A JSON file of the bundle, checked against its schema; undefined (with the problems noted) when it fails. */
async function readChecked<T>(dir: string, name: string, check: (value: unknown) => string[], problems: string[]): Promise<T | undefined> {
  const read = await readJson(dir, name);
  if ('problem' in read) {
    // A listed file that is missing is reported once, by the digest check.
    if (!read.problem.endsWith('is missing')) problems.push(read.problem);
    return undefined;
  }
  const found = check(read.value);
  if (found.length > 0) {
    problems.push(...found.map((p) => `${name} does not match its schema: ${p}`));
    return undefined;
  }
  return read.value as T;
}

function summaryOf(certificate: Certificate, product: Product | undefined): string {
  const what = product ? `${product.vendor} ${product.product} ${product.version} (${product.endpointKind})` : certificate.target.name;
  const shards = certificate.settings.shards ? `, merged from ${certificate.settings.shards} shards` : certificate.settings.shard ? `, shard ${certificate.settings.shard.index}/${certificate.settings.shard.count}` : '';
  return (
    `${what}: ${certificate.verdict}, level ${certificate.level} — ${certificate.results.length} rule × action tests, ` +
    `profile ${certificate.profile}, seed ${certificate.seed}, ${certificate.settings.runsPerRule} runs per rule${shards}; ` +
    `${certificate.suite.name} ${certificate.suite.version}, rule catalogue v${certificate.catalogue.version}`
  );
}
