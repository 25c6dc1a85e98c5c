import { HarnessError } from '../harness/errors.ts';

/** A plugin that cannot be loaded or used: names the plugin, what in it (a rule, an action, a field) and why. */
export class PluginError extends HarnessError {
  constructor(
    readonly plugin: string,
    readonly what: string,
    readonly why: string,
  ) {
    super('EC2IDEM_PLUGIN_INVALID', `plugin ${plugin}: ${what}: ${why}`);
  }
}
