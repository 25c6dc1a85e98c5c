// State a plugin's emulator actions keep per account and region, beside the built-in stores: one
// value per (store, name), made on first use and dropped with the emulator.
import type { RequestContext } from '../emulator/context.ts';

const states = new WeakMap<object, Map<string, unknown>>();

/**
 * The plugin's state for the caller's account and region: `create()` on first use, the same
 * object afterwards. Each emulator (and each account and region in it) has its own.
 */
export function regionState<T>(ctx: RequestContext, name: string, create: () => T): T {
  let byName = states.get(ctx.store);
  if (byName === undefined) {
    byName = new Map();
    states.set(ctx.store, byName);
  }
  if (!byName.has(name)) byName.set(name, create());
  return byName.get(name) as T;
}
