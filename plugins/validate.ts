// A plugin's rules go through the same header checks as the built-in rules (specs/ruleHeader.ts),
// when the plugin is loaded: a bad header is a PluginError naming the plugin, the rule and the field.
import type { Rule } from '../specs/rule.ts';
import { builtInHeaderContext, checkRuleHeader, HEADER_CHECK_FIELDS, referenceSections, type HeaderCheckName, type RuleHeader } from '../specs/ruleHeader.ts';
import { PluginError } from './errors.ts';
import type { Plugin } from './plugin.ts';

/** Rule ids: upper-case words joined by hyphens, as the built-in ones. */
export const RULE_ID_PATTERN = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;

/** Every problem of one plugin rule, as `field: problem`. */
export function pluginRuleProblems(plugin: Pick<Plugin, 'reference'>, rule: Rule<any>, vocabulary: { readonly profiles: readonly string[] }): string[] {
  const problems: string[] = [];
  if (typeof rule.id !== 'string' || !RULE_ID_PATTERN.test(rule.id)) problems.push(`id: ${JSON.stringify(rule.id)} is not upper-case words joined by hyphens (e.g. ACME-LONG-TOKENS)`);
  if (rule.strength !== 'MUST' && rule.strength !== 'SHOULD') problems.push(`strength: ${JSON.stringify(rule.strength)} is neither MUST nor SHOULD`);
  if (rule.scope !== undefined && !['each-action', 'cross-action', 'end-of-run'].includes(rule.scope)) problems.push(`scope: ${JSON.stringify(rule.scope)} is not each-action, cross-action or end-of-run`);
  if (rule.cost !== undefined && !(typeof rule.cost === 'number' && rule.cost > 0)) problems.push(`cost: ${JSON.stringify(rule.cost)} is not a positive number`);
  if (rule.fixedRuns !== undefined && !(Number.isInteger(rule.fixedRuns) && rule.fixedRuns > 0)) problems.push(`fixedRuns: ${JSON.stringify(rule.fixedRuns)} is not a positive integer`);
  if (typeof rule.cases !== 'function') problems.push('cases: is not a function');
  if (typeof rule.check !== 'function') problems.push('check: is not a function');
  const base = builtInHeaderContext();
  // A plugin may cite its own reference page (a vendor's promise beyond EC2's) or the project's:
  // the source is checked against the page that has the section (the plugin's first).
  const own = plugin.reference === undefined ? undefined : { reference: plugin.reference, referenceName: "the plugin's reference" };
  const ref = (rule.source as { ref?: unknown } | undefined)?.ref;
  const inOwn = own !== undefined && typeof ref === 'string' && referenceSections(own.reference).has(ref);
  const page = inOwn ? own : { reference: base.reference, referenceName: own ? "docs/reference.md or the plugin's reference" : 'docs/reference.md' };
  const found = checkRuleHeader(rule as unknown as RuleHeader, { ...base, profiles: vocabulary.profiles, ...page });
  for (const name of Object.keys(found) as HeaderCheckName[]) {
    for (const message of found[name] ?? []) problems.push(`${HEADER_CHECK_FIELDS[name]}: ${message}`);
  }
  return problems;
}

/** Throws a PluginError naming the plugin, the rule and the field of the first problem (every problem listed). */
export function checkPluginRule(plugin: Plugin, rule: Rule<any>, vocabulary: { readonly profiles: readonly string[] }): void {
  const problems = pluginRuleProblems(plugin, rule, vocabulary);
  if (problems.length > 0) throw new PluginError(plugin.name, `rule ${typeof rule.id === 'string' ? rule.id : '(no id)'}`, problems.join('; '));
}
