// The emulator's side of plugins: their actions joined to the built-in action table (token-taking
// ones wrapped by the one idempotency layer) and their seeded bugs made nameable.
import type { EmulatorOptions } from '../emulator/options.ts';
import { idempotentHandler } from '../emulator/idempotency.ts';
import type { ActionTable } from '../emulator/router.ts';
import { isBuiltinEmulatorAction } from '../emulator/actionNames.ts';
import type { ActionHandler } from '../emulator/context.ts';
import { BUGS } from '../emulator/bugs.ts';
import { PluginError } from './errors.ts';
import type { EmulatorActionDefinition, Plugin } from './plugin.ts';

export interface PluginEmulatorSetup {
  /** The caller's options, with the plugins' seeded bugs made nameable by `bug`. */
  readonly options: EmulatorOptions;
  /** The plugins' actions, ready for createEmulatorHandler's `extraActions`. */
  readonly actions: ActionTable;
  /** Built-in actions a plugin replaced (only with allowOverride), as `Action (plugin)`. */
  readonly overrides: readonly string[];
}

/** A plain handler is served as is; an IdempotentAction goes through emulator/idempotency.ts. */
export function servedAs(definition: EmulatorActionDefinition): ActionHandler {
  return typeof definition === 'function' ? definition : idempotentHandler(definition);
}

/**
 * Joins the plugins' emulator actions and bugs. Two plugins serving one action, or a plugin
 * serving a built-in action or naming a built-in bug, is a PluginError unless `allowOverride`.
 */
export function pluginEmulatorSetup(plugins: readonly Plugin[], options: EmulatorOptions, allowOverride: boolean): PluginEmulatorSetup {
  const actions: Record<string, ActionHandler> = {};
  const owner = new Map<string, string>();
  const overrides: string[] = [];
  const pluginBugs: Record<string, { options?: EmulatorOptions }> = { ...options.pluginBugs };
  for (const plugin of plugins) {
    for (const [name, definition] of Object.entries(plugin.emulatorActions ?? {})) {
      const previous = owner.get(name) ?? (isBuiltinEmulatorAction(name) ? 'the built-in emulator' : undefined);
      if (previous !== undefined) {
        if (!allowOverride) throw new PluginError(plugin.name, `emulator action ${name}`, `${previous} already serves ${name}; pass --allow-override (allowOverride) to replace it`);
        overrides.push(`emulator action ${name} (${plugin.name})`);
      }
      owner.set(name, plugin.name);
      actions[name] = servedAs(definition);
    }
    for (const bug of plugin.bugs ?? []) {
      if (Object.hasOwn(BUGS, bug.name) || Object.hasOwn(pluginBugs, bug.name)) throw new PluginError(plugin.name, `bug ${bug.name}`, 'a seeded bug of that name already exists; bugs cannot be overridden');
      pluginBugs[bug.name] = bug.options === undefined ? {} : { options: bug.options };
    }
  }
  return { options: Object.keys(pluginBugs).length > 0 ? { ...options, pluginBugs } : options, actions, overrides };
}
