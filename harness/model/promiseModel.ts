import type { Ok } from '../outcome.ts';
import type { ProfileName, TokenActionName } from '../target.ts';

/** Where a token lives: scoped by account, region and action (REF-ACCOUNT-SCOPE, REF-REGION-SCOPE, REF-ACTION-SCOPE). */
export interface TokenScope {
  readonly account: string;
  readonly region: string;
  readonly action: string;
  readonly token: string;
}

/** What the first successful request with a token bound it to; `request` is whatever the caller needs to send it again. */
export interface Binding<R = unknown> {
  readonly scope: TokenScope;
  readonly request: R;
  /** The request's parameters, canonical: equal exactly when the requests are the same request. */
  readonly fingerprint: string;
  /** What the first answer said it created. */
  readonly resources: readonly string[];
  readonly answer: Ok;
  /** When it was bound (ms since the epoch): tokens must be kept at least 24 hours (REF-RETENTION). */
  readonly boundAt: number;
  /** Its resources were deleted (terminated, for instances). */
  readonly deleted: boolean;
}

/**
 * What the endpoint must do with a request, given what happened to its token before:
 * - `create`: an unknown token creates, and its answer names what it made;
 * - `replay`: the same request answers the first answer again and creates nothing;
 * - `replay-after-delete`: the same request after its resources were deleted creates nothing, and
 *   answers the first answer again or refuses with one of `codes` (a 4xx), as the profile allows;
 * - `mismatch`: another request with a bound token is refused with HTTP 400
 *   IdempotentParameterMismatch and creates nothing (after a delete, `codes` are accepted too);
 * - `dry-run`: a DryRun answers 412 DryRunOperation and binds nothing.
 */
export type Expectation<R = unknown> =
  | { readonly kind: 'create' }
  | { readonly kind: 'replay'; readonly binding: Binding<R> }
  | { readonly kind: 'replay-after-delete'; readonly binding: Binding<R>; readonly mayReplay: boolean; readonly mayRefuse: boolean; readonly codes: readonly string[] | undefined }
  | { readonly kind: 'mismatch'; readonly binding: Binding<R>; readonly codes: readonly string[] }
  | { readonly kind: 'dry-run' };

/**
 * What a replay after termination may answer — docs/reference.md REF-TERMINATED-REPLAY:
 * - seed: the original response (states now shutting-down/terminated) or a 4xx
 *   `IdempotentInstanceTerminated`: the older page predates that error code, and both create nothing;
 * - aws-current: RunInstances answers `IdempotentInstanceTerminated` (listed, and observed since 2025);
 * - strict: the original response, as the older page's replay and retention promises say.
 * Other actions have no documented answer: a replay or any 4xx, except strict (replay).
 */
export function afterDelete(profile: ProfileName, action: string): { mayReplay: boolean; mayRefuse: boolean; codes: readonly string[] | undefined } {
  if (profile === 'strict') return { mayReplay: true, mayRefuse: false, codes: undefined };
  if (action !== 'RunInstances') return { mayReplay: true, mayRefuse: true, codes: undefined };
  return { mayReplay: profile === 'seed', mayRefuse: true, codes: ['IdempotentInstanceTerminated'] };
}

const MISMATCH = 'IdempotentParameterMismatch';

export function scopeKey(scope: TokenScope): string {
  return JSON.stringify([scope.account, scope.region, scope.action, scope.token]);
}

/**
 * The promises as a model (pure, no I/O): per account, region, action and token, what its first
 * successful request was and made, and so what any later request with it must answer. One model
 * serves the stateful rule, the race checker and the retention replays; "same response" itself
 * stays harness/compare.ts.
 */
export class PromiseModel<R = unknown> {
  private readonly bindings = new Map<string, Binding<R>>();
  /** Resource id → the key of the binding that made it (deletes find their bindings at once). */
  private readonly madeBy = new Map<string, string>();

  constructor(readonly profile: ProfileName) {}

  /** What a request with `fingerprint` under `scope` must do now. */
  expect(scope: TokenScope, fingerprint: string, options: { readonly dryRun?: boolean } = {}): Expectation<R> {
    if (options.dryRun) return { kind: 'dry-run' };
    const binding = this.bindings.get(scopeKey(scope));
    if (binding === undefined) return { kind: 'create' };
    const refusal = afterDelete(this.profile, scope.action);
    if (binding.fingerprint !== fingerprint) {
      return { kind: 'mismatch', binding, codes: binding.deleted && refusal.codes ? [MISMATCH, ...refusal.codes] : [MISMATCH] };
    }
    return binding.deleted ? { kind: 'replay-after-delete', binding, ...refusal } : { kind: 'replay', binding };
  }

  /** The first successful request of a token binds it; later ones change nothing. Returns the binding. */
  bind(scope: TokenScope, fingerprint: string, resources: readonly string[], answer: Ok, at: number, request: R): Binding<R> {
    const key = scopeKey(scope);
    const existing = this.bindings.get(key);
    if (existing !== undefined) return existing;
    const binding: Binding<R> = { scope, request, fingerprint, resources: [...resources], answer, boundAt: at, deleted: false };
    this.bindings.set(key, binding);
    for (const id of resources) this.madeBy.set(id, key);
    return binding;
  }

  /** Resources were deleted: every binding that made one of them is now "after delete". */
  deleted(ids: readonly string[]): void {
    for (const id of ids) {
      const key = this.madeBy.get(id);
      const binding = key === undefined ? undefined : this.bindings.get(key);
      if (key !== undefined && binding !== undefined && !binding.deleted) this.bindings.set(key, { ...binding, deleted: true });
    }
  }

  /** True when `id` was made by a bound request and has since been deleted. */
  wasDeleted(id: string): boolean {
    const key = this.madeBy.get(id);
    return key !== undefined && this.bindings.get(key)?.deleted === true;
  }

  binding(scope: TokenScope): Binding<R> | undefined {
    return this.bindings.get(scopeKey(scope));
  }

  /** What the client-token filter must show for a token: what it created, nothing else. */
  byToken(scope: TokenScope): readonly string[] {
    return this.binding(scope)?.resources ?? [];
  }

  /** Every binding, oldest first. */
  all(): Binding<R>[] {
    return [...this.bindings.values()].sort((a, b) => a.boundAt - b.boundAt);
  }
}

/** The canonical form of a request's parameters: equal exactly when the requests are the same. */
export function fingerprintOf(action: TokenActionName | string, params: unknown): string {
  return `${action}:${canonical(params)}`;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
