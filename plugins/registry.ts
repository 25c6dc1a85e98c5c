// The open registries: the action table, the rule catalogue and the profiles, each the built-in
// entries plus those of the active plugins. Built-ins stay the default; a plugin cannot replace
// one silently (a PluginError unless allowOverride, and then the override is recorded).
import { ACTION_ADAPTERS, adapterFor, isKnownAction, knownActions, setPluginAdapters } from '../harness/actions/index.ts';
import type { ActionAdapter } from '../harness/actions/action.ts';
import { HarnessError } from '../harness/errors.ts';
import { isBuiltInProfile, PROFILE_NAMES, type ProfileName } from '../harness/target.ts';
import { CATALOG, ruleCatalog, setPluginRules } from '../specs/catalog.ts';
import type { Rule } from '../specs/rule.ts';
import { isBuiltinEmulatorAction } from '../emulator/actionNames.ts';
import { PluginError } from './errors.ts';
import type { Plugin, ProfileDefinition } from './plugin.ts';
import { checkPluginRule } from './validate.ts';

/** What a report records of a plugin. */
export interface PluginRecord {
  readonly name: string;
  readonly version: string;
  /** Where it was loaded from (a path or a package name), when it was loaded by name. */
  readonly source?: string;
  readonly actions: readonly string[];
  readonly rules: readonly string[];
}

export { adapterFor, isKnownAction, knownActions, ruleCatalog };

interface Registry {
  readonly plugins: readonly { readonly plugin: Plugin; readonly source?: string }[];
  /** The plugins' adapters (harness/actions/index.ts serves them). */
  readonly actions: ReadonlyMap<string, ActionAdapter>;
  /** The plugins' rules (specs/catalog.ts serves them). */
  readonly rules: readonly Rule<any>[];
  readonly profiles: ReadonlyMap<string, ProfileDefinition>;
  /** Built-in (or earlier plugins') entries a plugin replaced, e.g. `rule SAME-RESPONSE (acme)`. */
  readonly overrides: readonly string[];
  readonly allowOverride: boolean;
}

const BUILT_IN: Registry = {
  plugins: [],
  actions: new Map(),
  rules: [],
  profiles: new Map(),
  overrides: [],
  allowOverride: false,
};

let current: Registry = BUILT_IN;

export interface ActivateOptions {
  /** Let a plugin replace a built-in (or an earlier plugin's) action, rule or profile. @defaultValue false */
  readonly allowOverride?: boolean;
  /** Where each plugin came from (same order), for the report. */
  readonly sources?: readonly (string | undefined)[];
}

/** An activation of plugins; `restore()` puts back what was active before. */
export interface Activation {
  readonly overrides: readonly string[];
  restore(): void;
}

const BUILT_IN_PROFILES = PROFILE_NAMES;

function install(registry: Registry): void {
  current = registry;
  setPluginAdapters(registry.actions);
  setPluginRules(registry.rules);
}

/**
 * Checks the plugins (every rule header, as the lint checks the built-in ones; names that clash)
 * and makes their actions, rules and profiles part of the registries. Throws a PluginError naming
 * the plugin, the entry and the problem.
 */
export function activatePlugins(plugins: readonly Plugin[], options: ActivateOptions = {}): Activation {
  const previous = current;
  install(buildRegistry(plugins, options));
  return { overrides: current.overrides, restore: () => install(previous) };
}

/**
 * Checks plugins as activatePlugins would (shape, rule headers, clashes with built-ins and with each
 * other) without activating them; returns what they would replace (only with allowOverride).
 */
export function checkPlugins(plugins: readonly Plugin[], options: ActivateOptions = {}): readonly string[] {
  return buildRegistry(plugins, options).overrides;
}

function buildRegistry(plugins: readonly Plugin[], options: ActivateOptions): Registry {
  const allow = options.allowOverride === true;
  const actions = new Map<string, ActionAdapter>();
  const actionOwner = new Map<string, string>();
  const rules = new Map<string, Rule<any>>();
  const ruleOwner = new Map<string, string>();
  const emulatorOwner = new Map<string, string>();
  const profiles = new Map<string, ProfileDefinition>();
  const overrides: string[] = [];
  const seen = new Set<string>();
  const clash = (plugin: Plugin, kind: string, name: string, owner: string | undefined) => {
    const who = owner ?? 'the core';
    if (!allow) throw new PluginError(plugin.name, `${kind} ${name}`, `${who} already defines ${kind} ${name}; pass --allow-override (allowOverride) to replace it`);
    overrides.push(`${kind} ${name} (${plugin.name} replaces ${who})`);
  };
  for (const plugin of plugins) {
    checkPluginShape(plugin);
    if (seen.has(plugin.name)) throw new PluginError(plugin.name, 'name', 'two plugins of that name are loaded');
    seen.add(plugin.name);
    for (const profile of plugin.profiles ?? []) {
      if ((BUILT_IN_PROFILES as readonly string[]).includes(profile.name) || profiles.has(profile.name)) {
        throw new PluginError(plugin.name, `profile ${profile.name}`, 'a profile of that name already exists; profiles cannot be overridden');
      }
      if (!(BUILT_IN_PROFILES as readonly string[]).includes(profile.base)) throw new PluginError(plugin.name, `profile ${profile.name}`, `base "${profile.base}" is not one of ${BUILT_IN_PROFILES.join(', ')}`);
      profiles.set(profile.name, profile);
    }
  }
  const profileNames = [...BUILT_IN_PROFILES, ...profiles.keys()];
  for (const plugin of plugins) {
    for (const adapter of plugin.actions ?? []) {
      if (actions.has(adapter.name) || Object.hasOwn(ACTION_ADAPTERS, adapter.name)) clash(plugin, 'action', adapter.name, actionOwner.get(adapter.name));
      actions.set(adapter.name, adapter);
      actionOwner.set(adapter.name, plugin.name);
    }
    for (const name of Object.keys(plugin.emulatorActions ?? {})) {
      if (isBuiltinEmulatorAction(name) || emulatorOwner.has(name)) clash(plugin, 'emulator action', name, emulatorOwner.get(name));
      emulatorOwner.set(name, plugin.name);
    }
    for (const rule of plugin.rules ?? []) {
      checkPluginRule(plugin, rule, { profiles: profileNames });
      if (rules.has(rule.id) || CATALOG.some((builtIn) => builtIn.id === rule.id)) clash(plugin, 'rule', rule.id, ruleOwner.get(rule.id));
      rules.set(rule.id, rule);
      ruleOwner.set(rule.id, plugin.name);
    }
  }
  return {
    plugins: plugins.map((plugin, index) => ({ plugin, ...(options.sources?.[index] === undefined ? {} : { source: options.sources[index] }) })),
    actions,
    rules: [...rules.values()],
    profiles,
    overrides,
    allowOverride: allow,
  };
}

function checkPluginShape(plugin: Plugin): void {
  const name = typeof plugin?.name === 'string' && plugin.name !== '' ? plugin.name : '(unnamed)';
  if (plugin === null || typeof plugin !== 'object') throw new PluginError(name, 'default export', 'is not a plugin object (use definePlugin)');
  if (name === '(unnamed)') throw new PluginError(name, 'name', 'must be a non-empty string');
  if (typeof plugin.version !== 'string' || plugin.version === '') throw new PluginError(name, 'version', 'must be a non-empty string');
  for (const field of ['actions', 'rules', 'profiles', 'bugs'] as const) {
    if (plugin[field] !== undefined && !Array.isArray(plugin[field])) throw new PluginError(name, field, 'must be an array');
  }
  for (const adapter of plugin.actions ?? []) {
    if (typeof adapter?.name !== 'string' || !/^[A-Z][A-Za-z0-9]+$/.test(adapter.name)) throw new PluginError(name, `action ${String(adapter?.name)}`, 'name must be an EC2 action name such as CreateFlowLogs');
    for (const method of ['params', 'change', 'applyChange', 'localize', 'toCall', 'resourcesPerCreate', 'created', 'findByTag', 'observed', 'deleteCalls', 'isGone'] as const) {
      if (typeof adapter[method] !== 'function') throw new PluginError(name, `action ${adapter.name}`, `${method} must be a function`);
    }
    if (!Number.isInteger(adapter.tokenLimit) || adapter.tokenLimit < 1) throw new PluginError(name, `action ${adapter.name}`, 'tokenLimit must be a positive integer');
  }
}

export function ruleById(id: string): Rule<any> | undefined {
  return ruleCatalog().find((rule) => rule.id === id);
}

/** A plugin's profile by name; undefined for the built-in ones. */
export function pluginProfile(name: string): ProfileDefinition | undefined {
  return current.profiles.get(name);
}

/** The built-in profile a profile behaves as (itself for a built-in one); an unknown name is a usage error. */
export function baseProfile(name: string): ProfileName {
  if (isBuiltInProfile(name)) return name;
  const definition = current.profiles.get(name);
  if (definition === undefined) throw new HarnessError('EC2IDEM_USAGE', `unknown profile "${name}" (known: ${knownProfileNames().join(', ')})`);
  return definition.base;
}

export function knownProfileNames(): string[] {
  return [...BUILT_IN_PROFILES, ...current.profiles.keys()];
}

/** Whether a rule runs under a profile: it names it, or names its base and the profile does not exclude it. */
export function ruleRunsIn(rule: Rule<any>, profile: string): boolean {
  if ((rule.profiles as readonly string[]).includes(profile)) return true;
  const definition = current.profiles.get(profile);
  return definition !== undefined && (rule.profiles as readonly string[]).includes(definition.base) && !(definition.excludes ?? []).includes(rule.id);
}

export function activePlugins(): readonly Plugin[] {
  return current.plugins.map((p) => p.plugin);
}

/** The active plugins as a report records them. */
export function pluginRecords(): PluginRecord[] {
  return current.plugins.map(({ plugin, source }) => ({
    name: plugin.name,
    version: plugin.version,
    ...(source === undefined ? {} : { source }),
    actions: (plugin.actions ?? []).map((a) => a.name),
    rules: (plugin.rules ?? []).map((r) => r.id),
  }));
}

export function activeOverrides(): readonly string[] {
  return current.overrides;
}

/** Whether the active plugins were let replace built-ins (`--allow-override`). */
export function overridesAllowed(): boolean {
  return current.allowOverride;
}
