// Plugins for a command: `--plugin PATH|PKG` (paths relative to the working directory) and a target
// file's `plugins` (paths relative to the target file), loaded and activated before the target is
// checked, so the target may name the plugins' actions and profiles.
import { dirname, isAbsolute, resolve } from 'node:path';
import { readTargetJson, type TargetVocabulary } from '../harness/target.ts';
import { loadPlugin } from '../plugins/load.ts';
import { activatePlugins, knownActions, knownProfileNames, type Activation } from '../plugins/registry.ts';

export interface PluginSetup {
  /** The target file as parsed JSON (not yet checked: the check needs the plugins' names). */
  readonly targetJson?: unknown;
  /** What the target may name beyond the built-in actions and profiles. */
  readonly vocabulary: TargetVocabulary;
  readonly activation: Activation;
}

function isPathLike(spec: string): boolean {
  return spec.startsWith('.') || isAbsolute(spec);
}

/** The `plugins` a target file names, when it names a list of strings (the schema checks the rest later). */
function pluginsOf(json: unknown): string[] {
  const plugins = (json as { plugins?: unknown } | undefined)?.plugins;
  return Array.isArray(plugins) ? plugins.filter((p): p is string => typeof p === 'string' && p !== '') : [];
}

/**
 * Loads the plugins of the flags and of the target file, in that order, and activates them; a
 * plugin named twice (the same file by two paths) loads once. Throws a PluginError naming the
 * plugin and what is wrong with it.
 */
export async function setUpPlugins(options: { readonly flags?: readonly string[]; readonly targetFile?: string; readonly allowOverride?: boolean }): Promise<PluginSetup> {
  const targetJson = options.targetFile === undefined ? undefined : await readTargetJson(options.targetFile);
  const fromFlags = (options.flags ?? []).map((spec) => ({ spec, base: process.cwd() }));
  const fromFile = pluginsOf(targetJson).map((spec) => ({ spec, base: dirname(resolve(options.targetFile!)) }));
  const seen = new Set<string>();
  const specs = [...fromFlags, ...fromFile].filter(({ spec, base }) => {
    const key = isPathLike(spec) ? resolve(base, spec) : spec;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const loaded = [];
  for (const { spec, base } of specs) loaded.push(await loadPlugin(spec, base));
  const activation = activatePlugins(
    loaded.map((l) => l.plugin),
    { allowOverride: options.allowOverride === true, sources: loaded.map((l) => l.source) },
  );
  const vocabulary = { actions: knownActions(), profiles: knownProfileNames() };
  return { ...(targetJson === undefined ? {} : { targetJson }), vocabulary, activation };
}
