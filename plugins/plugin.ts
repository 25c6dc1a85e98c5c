// What a plugin is: a named, versioned bundle of extra actions, rules, profiles, emulator
// actions and seeded bugs. The public face of these types is api/index.ts; this file is internal.
import type { ActionHandler } from '../emulator/context.ts';
import type { IdempotentAction } from '../emulator/idempotency.ts';
import type { EmulatorOptions } from '../emulator/options.ts';
import type { ActionAdapter } from '../harness/actions/action.ts';
import type { ProfileName } from '../harness/target.ts';
import type { Rule } from '../specs/rule.ts';

/**
 * A named reading of the sources that a plugin adds. It behaves as its base profile wherever the
 * core decides by profile (what may differ in a replay, what may answer after a delete), and
 * selects rules: a rule runs under it when the rule names the profile itself, or names its base
 * and is not in `excludes`.
 */
export interface ProfileDefinition {
  readonly name: string;
  readonly description: string;
  /** The built-in profile this one behaves as. */
  readonly base: ProfileName;
  /** Rule ids (built-in or a plugin's) that do not run under this profile. @defaultValue none */
  readonly excludes?: readonly string[];
}

/** A seeded bug a plugin brings for its own emulator actions: the kill matrix runs it. */
export interface PluginBug {
  readonly name: string;
  /** What is wrong, in one sentence. */
  readonly summary: string;
  /** Rule ids that must fail while the bug is active. */
  readonly rules: readonly string[];
  /** Token-taking actions the suite must test to catch it. @defaultValue the plugin's actions */
  readonly actions?: readonly string[];
  /** Extra emulator settings the bug needs to show. @defaultValue none */
  readonly options?: EmulatorOptions;
}

/**
 * An emulator action a plugin serves: a plain handler (describe, delete), or an
 * IdempotentAction, which the emulator wraps in its one idempotency layer (emulator/idempotency.ts).
 */
export type EmulatorActionDefinition = ActionHandler | IdempotentAction<any>;

export interface Plugin {
  /** A package-like name, e.g. `@acme/ec2-idem-capacity`; it appears in every report. */
  readonly name: string;
  readonly version: string;
  /** Client-side adapters for token-taking actions the core does not cover. @defaultValue none */
  readonly actions?: readonly ActionAdapter<any>[];
  /** Extra rules, with the same typed header as the built-in ones. @defaultValue none */
  readonly rules?: readonly Rule<any>[];
  readonly profiles?: readonly ProfileDefinition[];
  /** Action name → what the reference emulator answers it with. @defaultValue none */
  readonly emulatorActions?: Readonly<Record<string, EmulatorActionDefinition>>;
  readonly bugs?: readonly PluginBug[];
  /**
   * The plugin's own reference page (Markdown, one `## REF-…` section per promise, each citing
   * its https sources): a plugin rule's `source.ref` names a section of it or of docs/reference.md,
   * and its `source.link` must be cited in that section. @defaultValue docs/reference.md only
   */
  readonly reference?: string;
}
