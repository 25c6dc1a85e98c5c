// Loading plugins by name: a path (relative to the file or directory that names it) or a package
// name, imported dynamically; the module's default export is the plugin.
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PluginError } from './errors.ts';
import type { Plugin } from './plugin.ts';

/** A plugin and where it came from. */
export interface LoadedPlugin {
  readonly plugin: Plugin;
  /** The name as given: a path or a package name. */
  readonly source: string;
}

function isPath(spec: string): boolean {
  return spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..' || isAbsolute(spec) || /^[A-Za-z]:[\\/]/.test(spec);
}

/** Where `spec` is, as an import specifier: a file URL for paths, the resolved entry (or the name itself) for packages. */
function specifierOf(spec: string, baseDir: string): string {
  if (isPath(spec)) return pathToFileURL(resolve(baseDir, spec)).href;
  try {
    // Packages are found from the naming file's directory, as Node would from a module there.
    return pathToFileURL(createRequire(join(baseDir, 'noop.js')).resolve(spec)).href;
  } catch {
    return spec;
  }
}

/**
 * Loads one plugin: `spec` is a path (relative to `baseDir`: the target file's directory, or the
 * working directory for `--plugin`) or a package name. Its default export must be a plugin
 * (definePlugin); a missing module or a default export that is not one is a PluginError.
 */
export async function loadPlugin(spec: string, baseDir: string = process.cwd()): Promise<LoadedPlugin> {
  let module: { default?: unknown };
  try {
    module = (await import(specifierOf(spec, baseDir))) as { default?: unknown };
  } catch (cause) {
    throw new PluginError(spec, 'module', `cannot be loaded (${(cause as Error).message.split('\n')[0]})`);
  }
  const plugin = module.default;
  if (plugin === null || typeof plugin !== 'object' || typeof (plugin as Plugin).name !== 'string') {
    throw new PluginError(spec, 'default export', 'is not a plugin: export default definePlugin({ name, version, … })');
  }
  return { plugin: plugin as Plugin, source: spec };
}

/** Loads several plugins in order (duplicates by source loaded once). */
export async function loadPlugins(specs: readonly string[], baseDir: string = process.cwd()): Promise<LoadedPlugin[]> {
  const unique = [...new Set(specs)];
  return Promise.all(unique.map((spec) => loadPlugin(spec, baseDir)));
}
