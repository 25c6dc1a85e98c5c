// The programmatic run behind api/index.ts: plugins activated for the run, the CLI's own
// runConformance (cli/runConformance.ts) underneath, nothing printed unless asked.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runConformance as runCore } from '../cli/runConformance.ts';
import type { TargetConfig } from '../harness/target.ts';
import type { Expectations } from '../reports/expectations.ts';
import type { RunReport } from '../reports/model.ts';
import { loadPlugins } from './load.ts';
import type { Plugin } from './plugin.ts';
import { activatePlugins } from './registry.ts';

export interface RunOptions {
  /** The endpoint to test. @defaultValue the embedded reference emulator (serving the plugins' emulator actions too) */
  readonly target?: TargetConfig;
  /** Plugins: objects (definePlugin), or paths (relative to the working directory) and package names to import. @defaultValue none */
  readonly plugins?: readonly (Plugin | string)[];
  /** Let plugins replace built-in actions or rules; the report records each replacement. @defaultValue false */
  readonly allowOverride?: boolean;
  /** A built-in profile or one a plugin defines. @defaultValue the target's, else 'seed' */
  readonly profile?: string;
  /** @defaultValue random */
  readonly seed?: number;
  /** Cases per rule before each rule's cost divides them. @defaultValue 24 */
  readonly runs?: number;
  /** Only these rules (built-in or a plugin's ids). @defaultValue every rule */
  readonly only?: readonly string[];
  /** The actions to test (built-in or a plugin's). @defaultValue the target's, else RunInstances and CreateLaunchTemplate */
  readonly actions?: readonly string[];
  /** Where report.json, summary.md, junit.xml and the ledger go. @defaultValue a fresh temporary directory */
  readonly reportDir?: string;
  /** Progress lines, one per rule × action: true for stdout, or a stream. @defaultValue false: silent */
  readonly print?: boolean | Writable;
  /** Documented deviations of this target. @defaultValue none */
  readonly expectations?: Expectations;
  /** A seeded bug of the embedded emulator (a built-in one or a plugin's), to see a rule fail. @defaultValue none */
  readonly bug?: string;
}

export interface RunResult {
  /** Exactly what report.json holds. */
  readonly report: RunReport;
  /** 0 conformant, 1 not conformant or inconclusive, 2 nothing could be tested — as `ec2-idem run` exits. */
  readonly exitCode: 0 | 1 | 2;
  readonly reportDir: string;
}

const silent = (): Writable => new Writable({ write: (_chunk, _encoding, done) => done() });

/**
 * Runs the suite in this process and returns the report: the preflight, every selected rule ×
 * action, the final sweep, and the reports written to `reportDir`. Never exits the process and
 * prints nothing unless `print` says so; a bad plugin or target throws (a PluginError or
 * HarnessError naming what is wrong).
 */
export async function runConformance(options: RunOptions = {}): Promise<RunResult> {
  const given = options.plugins ?? [];
  const byName = await loadPlugins(given.filter((p): p is string => typeof p === 'string'));
  const plugins = given.map((p) => (typeof p === 'string' ? byName.find((l) => l.source === p)!.plugin : p));
  const sources = given.map((p) => (typeof p === 'string' ? p : undefined));
  const activation = activatePlugins(plugins, { allowOverride: options.allowOverride === true, sources });
  try {
    const reportDir = options.reportDir ?? (await mkdtemp(join(tmpdir(), 'ec2-idem-')));
    const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
    const out = options.print === true ? process.stdout : options.print instanceof Writable ? options.print : silent();
    const outcome = await runCore({
      ...(options.target ? { target: options.target } : {}),
      ...(options.profile ? { profile: options.profile } : {}),
      seed,
      ...(options.runs === undefined ? {} : { runs: options.runs }),
      ...(options.only ? { only: options.only } : {}),
      ...(options.actions ? { actions: options.actions } : {}),
      ...(options.expectations ? { expectations: options.expectations } : {}),
      ...(options.bug ? { emulator: { bug: options.bug } } : {}),
      reportDir,
      replayBase: `runConformance({ seed: ${seed} })`,
      out,
    });
    return { report: outcome.report, exitCode: outcome.exitCode, reportDir };
  } finally {
    activation.restore();
  }
}
