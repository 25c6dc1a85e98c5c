import type { CaseContext } from '../actions/action.ts';
import type { Call } from '../encode.ts';
import type { Identity } from '../exchange.ts';
import type { Ok } from '../outcome.ts';
import type { ResolvedRegion } from '../target.ts';
import { fingerprintOf, PromiseModel, type Binding, type TokenScope } from './promiseModel.ts';

/** What the harness keeps of a token's first successful create, to send it again later (RETENTION, recheck). */
export interface RecordedCreate {
  readonly call: Call;
  readonly region: string;
  readonly identity: Identity;
  readonly context: CaseContext;
}

/** The run's own model: every token any rule bound, as the harness saw it. */
export type RunModel = PromiseModel<RecordedCreate>;
export type RunBinding = Binding<RecordedCreate>;

export function scopeOf(call: Call, region: ResolvedRegion | string, identity: Identity): TokenScope | undefined {
  const token = call.params.ClientToken;
  if (typeof token !== 'string') return undefined;
  return { account: identity, region: typeof region === 'string' ? region : region.name, action: call.action, token };
}

/** Records a create's answer in the run's model: the first success of a token binds it. */
export function recordCreate(model: RunModel | undefined, call: Call, region: ResolvedRegion, identity: Identity, context: CaseContext, answer: Ok, ids: readonly string[]): void {
  const scope = model && call.params.DryRun !== true ? scopeOf(call, region, identity) : undefined;
  // Only a token's first success binds it: later ones need no fingerprint.
  if (model === undefined || scope === undefined || ids.length === 0 || model.binding(scope) !== undefined) return;
  model.bind(scope, fingerprintOf(call.action, call.params), ids, answer, Date.now(), { call, region: region.name, identity, context });
}
