import type { AttemptRecord } from '../harness/transcript.ts';
import type { AnyRuleId } from '../specs/ruleIds.ts';

/** Bumped on any incompatible change; `run-report.schema.json` describes this exact shape. */
export const REPORT_SCHEMA_VERSION = 3;

/**
 * - `passed`: every case observed what the rule is about, and at least the minimum number of cases ran;
 * - `failed`: the endpoint was shown to break the rule (a counterexample);
 * - `inconclusive`: the rule could not tell (its positive control failed, or a read-back failed);
 * - `error`: the suite itself crashed on this rule: no verdict on the endpoint;
 * - `not-applicable`: the target lacks what the rule needs; `skipped`: it did not get to run (enough).
 */
export type RuleStatus = 'passed' | 'failed' | 'inconclusive' | 'error' | 'not-applicable' | 'skipped';
export type Strength = 'MUST' | 'SHOULD';

/** A failure, shrunk, ready for a person: what broke, on which exchange, and how to see it again. */
export interface Counterexample {
  /** One line: what the rule expected and what the endpoint did. */
  readonly message: string;
  /** The shrunk generated case, pretty-printed (tokens, parameters, changes, faults). */
  readonly input: string;
  readonly seed: number;
  /** fast-check's replay path. */
  readonly path: string;
  readonly shrinks: number;
  /** Every attempt of the shrunk case, secrets redacted. */
  readonly transcript: readonly AttemptRecord[];
  /** One command that replays exactly this case. */
  readonly replay: string;
  /** Requests sent and time spent until the first failing case, before shrinking. */
  readonly foundAfter?: { readonly requests: number; readonly ms: number };
}

/**
 * What a rule × action test produced. The vitest worker attaches it, with the rule's header, as a
 * {@link RuleResult} in `task.meta.result` (declared in collect.ts), where the collector reads it.
 */
export interface Verdict {
  /** A built-in rule id, or a plugin rule's. */
  readonly rule: AnyRuleId;
  readonly action: string;
  readonly status: RuleStatus;
  /** Why a rule was not-applicable, skipped, inconclusive or an error. */
  readonly reason?: string;
  readonly runs: number;
  readonly requests: number;
  readonly resourcesCreated: number;
  readonly durationMs: number;
  /** How the endpoint behaved where several behaviours are allowed (e.g. CONCURRENT-DUPLICATES). */
  readonly observations?: Readonly<Record<string, number>>;
  readonly failure?: Counterexample;
}

/** A verdict with the rule's header, as the report shows it. */
export interface RuleResult extends Verdict {
  readonly title: string;
  readonly strength: Strength;
  /**
   * Where the rule comes from: its section of docs/reference.md (`REF-…`) and the primary source
   * that section cites; `unknown` and an empty link when the rule header could not be found.
   */
  readonly source: { readonly ref: string; readonly link: string };
  /** Set when the failure (or inconclusive result) is listed in the target's expectations file. */
  readonly deviation?: { readonly reason: string; readonly link?: string; readonly expires: string };
}

/**
 * The run's verdict: `not-conformant` when a rule was shown broken (or a resource leaked);
 * `inconclusive` when nothing was shown broken but not every MUST rule passed with evidence (or
 * nothing passed at all); `untested` when no rule could run at all.
 */
export type Conformance = 'conformant' | 'conformant-with-deviations' | 'not-conformant' | 'inconclusive' | 'untested';

export interface RunReport {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly tool: {
    readonly name: string;
    readonly version: string;
    /** The rule catalogue the results were judged against (specs/catalogVersion.ts, docs/CHANGELOG-rules.md). */
    readonly ruleCatalogueVersion: number;
  };
  readonly run: {
    readonly id: string;
    readonly startedAt: string;
    readonly durationMs: number;
    readonly profile: string;
    readonly seed: number;
    readonly runsPerRule: number;
    readonly command: string;
    /** Why the run ended before every rule finished (the endpoint stopped answering EC2), if it did. */
    readonly stopped?: string;
    /** Built-in actions, rules or emulator actions a plugin replaced (only with --allow-override), e.g. `rule SAME-RESPONSE (acme replaces the core)`. */
    readonly overrides?: readonly string[];
  };
  readonly target: {
    readonly name: string;
    readonly endpoints: readonly string[];
    readonly regions: readonly string[];
    readonly embedded: boolean;
  };
  readonly conformance: Conformance;
  readonly rules: readonly RuleResult[];
  readonly totals: {
    readonly passed: number;
    readonly failed: number;
    readonly inconclusive: number;
    readonly errors: number;
    readonly notApplicable: number;
    readonly skipped: number;
    readonly deviations: number;
    readonly requests: number;
    readonly resourcesCreated: number;
    /** Resources of this run still alive after the final cleanup; anything but 0 is a leak. */
    readonly resourcesLeftBehind: number;
  };
  /** Expectation entries that did not match (unexpected pass, expired), for the reader to act on. */
  readonly notices: readonly string[];
  /** The plugins the run loaded, when it loaded any: their rules and actions are in `rules` beside the built-in ones. */
  readonly plugins?: readonly PluginInfo[];
}

/** A plugin as a report records it. */
export interface PluginInfo {
  readonly name: string;
  readonly version: string;
  /** How it was named: a path or a package name (absent when passed as an object through the API). */
  readonly source?: string;
  /** The token-taking actions it adds. */
  readonly actions: readonly string[];
  /** The rules it adds. */
  readonly rules: readonly string[];
}
