import type { Conformance, RuleStatus, RunReport, Strength } from '../reports/model.ts';
import { conformanceLevel, type ConformanceLevel } from '../reports/level.ts';
import type { Shard } from '../specs/shard.ts';
import type { FileDigest } from './bundleFiles.ts';
import type { CatalogueIdentity } from './catalogueDigest.ts';
import { CERTIFICATION } from './policy.ts';
import { SUITE } from './suite.ts';

export const CERTIFICATE_VERSION = 1;

/** One rule × action as certified. */
export interface CertifiedResult {
  readonly rule: string;
  readonly action: string;
  readonly strength: Strength;
  readonly status: RuleStatus;
}

/** One run that went into the bundle: the run itself, or each shard of a merged certification. */
export interface CertifiedRun {
  readonly id: string;
  readonly startedAt: string;
  readonly endedAt: string;
  /** Present for a shard's run. */
  readonly shard?: Shard;
}

/** certificate.json (certification/certificate.schema.json). */
export interface Certificate {
  readonly certificateVersion: typeof CERTIFICATE_VERSION;
  readonly suite: { readonly name: string; readonly version: string };
  readonly catalogue: CatalogueIdentity;
  readonly target: { readonly name: string; readonly embedded: boolean };
  readonly profile: string;
  readonly seed: number;
  readonly settings: {
    /** Runs per rule asked for (before a rule's cost divides them). */
    readonly runsPerRule: number;
    /** The floor this certification was held to. */
    readonly minRunsPerRule: number;
    /** Cases a rule × action needed with evidence to pass. */
    readonly minCasesToPass: number;
    /** Every action the vendor declared: each is tested with every rule. */
    readonly actions: readonly string[];
    readonly regions: readonly string[];
    readonly rules: 'all';
    /** `ignored`: the target file named an expectations file and the certification did not read it. */
    readonly expectations: 'none' | 'ignored';
    /** This bundle is one shard of a certification (`ec2-idem merge` joins them). */
    readonly shard?: Shard;
    /** This bundle was merged from this many shards. */
    readonly shards?: number;
  };
  readonly runs: readonly CertifiedRun[];
  readonly startedAt: string;
  readonly endedAt: string;
  readonly results: readonly CertifiedResult[];
  readonly verdict: Conformance;
  readonly level: ConformanceLevel;
  readonly notes: readonly string[];
  /** Every other file of the bundle, by path relative to it. */
  readonly files: Readonly<Record<string, FileDigest>>;
}

export interface CertificateInput {
  readonly report: RunReport;
  readonly catalogue: CatalogueIdentity;
  readonly actions: readonly string[];
  readonly runs: readonly CertifiedRun[];
  readonly expectations: 'none' | 'ignored';
  readonly notes: readonly string[];
  readonly files: Readonly<Record<string, FileDigest>>;
  /** @defaultValue CERTIFICATION.minRunsPerRule */
  readonly minRunsPerRule?: number;
  readonly shard?: Shard;
  readonly shards?: number;
}

/** The verdict of each rule × action, as a certificate lists it (report order). */
export function certifiedResults(report: RunReport): CertifiedResult[] {
  return report.rules.map((r) => ({ rule: r.rule, action: r.action, strength: r.strength, status: r.status }));
}

/** When a run ended: its start plus its duration. */
export function endOf(run: RunReport['run']): string {
  return new Date(Date.parse(run.startedAt) + run.durationMs).toISOString();
}

/** Pure: everything a certificate says follows from the report and the run's fixed settings. */
export function buildCertificate(input: CertificateInput): Certificate {
  const { report } = input;
  return {
    certificateVersion: CERTIFICATE_VERSION,
    suite: { ...SUITE },
    catalogue: input.catalogue,
    target: { name: report.target.name, embedded: report.target.embedded },
    profile: report.run.profile,
    seed: report.run.seed,
    settings: {
      runsPerRule: report.run.runsPerRule,
      minRunsPerRule: input.minRunsPerRule ?? CERTIFICATION.minRunsPerRule,
      minCasesToPass: CERTIFICATION.minCasesToPass,
      actions: [...input.actions],
      regions: [...report.target.regions],
      rules: 'all',
      expectations: input.expectations,
      ...(input.shard ? { shard: input.shard } : {}),
      ...(input.shards ? { shards: input.shards } : {}),
    },
    runs: input.runs,
    startedAt: report.run.startedAt,
    endedAt: endOf(report.run),
    results: certifiedResults(report),
    verdict: report.conformance,
    level: conformanceLevel(report.rules),
    notes: [...input.notes],
    files: input.files,
  };
}
