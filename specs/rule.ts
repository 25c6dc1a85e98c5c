import type fc from 'fast-check';
import type { ProfileId, ProfileName } from '../harness/target.ts';
import type { RuleHarness } from '../harness/ruleHarness.ts';
import type { Strength } from '../reports/model.ts';
import type { Capability } from './capabilities.ts';
import type { AnyRuleId } from './ruleIds.ts';

/**
 * Where a rule comes from: a section of docs/reference.md (the project's own account of the
 * behaviour) and the primary source that section cites for it. The lint keeps both honest: the
 * section exists, and the link is cited in it.
 */
export interface RuleSource {
  /** The section id in docs/reference.md, e.g. `REF-MISMATCH`. */
  readonly ref: string;
  /** The primary source (an AWS documentation page, or a public issue for observed behaviour): an https URL. */
  readonly link: string;
}

/** Every profile: the rule holds the same way whichever reading of the sources is chosen. */
export const ALL_PROFILES: readonly ProfileName[] = ['seed', 'aws-current', 'strict'];

/** A rule's typed frontmatter (test262 style), checked by test/lint/specs.lint.spec.ts. */
export interface RuleMeta {
  /** A built-in rule's public id, or a plugin rule's (upper-case words joined by hyphens). */
  readonly id: AnyRuleId;
  /** One line, under 100 characters. */
  readonly description: string;
  readonly source: RuleSource;
  readonly strength: Strength;
  /** Profiles the rule runs in; where profiles disagree, the rule file documents each choice. */
  readonly profiles: readonly ProfileId[];
  readonly requires: readonly Capability[];
  /**
   * `each-action`: one test per action; `cross-action`: one test over two actions; `end-of-run`: one
   * test per action, after every other rule has finished (it looks back on the whole run).
   * @defaultValue 'each-action'
   */
  readonly scope?: 'each-action' | 'cross-action' | 'end-of-run';
  /** Relative cost of one case; the default run count is divided by it. @defaultValue 1 */
  readonly cost?: number;
  /** Cases that are not generated (a replay of what the run made): this many, whatever the run asks. @defaultValue none */
  readonly fixedRuns?: number;
}

/** A rule: generated cases, and a check that throws a RuleViolation when the endpoint breaks it. */
export interface Rule<C = unknown> extends RuleMeta {
  cases(h: RuleHarness): fc.Arbitrary<C>;
  check(h: RuleHarness, generated: C): Promise<void>;
}

/** Typing helper (like vitest's defineConfig): returns its argument. */
export function defineRule<C>(rule: Rule<C>): Rule<C> {
  return rule;
}
