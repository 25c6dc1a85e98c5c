import fc from 'fast-check';

/**
 * What happens to one attempt on the wire, as plain data (harness/interceptors/fault.ts plays it):
 * - `pass`: untouched;
 * - `replace-503`, `replace-throttle`, `replace-500`: the endpoint acts; the client sees a synthetic
 *   503 Unavailable, 503 RequestLimitExceeded or 500 InternalError instead of its answer;
 * - `drop-response`: the endpoint acts; the client sees the connection close;
 * - `reset-mid-body`: the endpoint acts; the answer breaks off mid-body;
 * - `timeout`: the client gives up after `afterMs` while the endpoint may still be working;
 * - `refuse`: the request never leaves (connection refused);
 * - `delay`: sent `ms` late, then untouched.
 */
export type FaultStep =
  | { readonly kind: 'pass' }
  | { readonly kind: 'replace-503' }
  | { readonly kind: 'replace-throttle' }
  | { readonly kind: 'replace-500' }
  | { readonly kind: 'drop-response' }
  | { readonly kind: 'reset-mid-body' }
  | { readonly kind: 'refuse' }
  | { readonly kind: 'timeout'; readonly afterMs: number }
  | { readonly kind: 'delay'; readonly ms: number };

/** One entry per attempt; attempts past the end pass. */
export type FaultPlan = readonly FaultStep[];

/** Constraints of {@link faultPlan}. */
export interface FaultPlanConstraints {
  /** Most faulty attempts in a row; keep it below the retry policy's attempts. @defaultValue 4 */
  readonly maxFaults?: number;
  /** Longest client-side timeout or delay. @defaultValue 30 */
  readonly maxDelayMs?: number;
}

/** A fault for one attempt; alternatives are ordered simplest first, which is where shrinking goes. */
export function faultStep(constraints: FaultPlanConstraints = {}): fc.Arbitrary<FaultStep> {
  const maxDelayMs = constraints.maxDelayMs ?? 30;
  return fc.oneof(
    fc.constant({ kind: 'pass' as const }),
    fc.constant({ kind: 'replace-503' as const }),
    fc.constant({ kind: 'replace-500' as const }),
    fc.constant({ kind: 'replace-throttle' as const }),
    fc.constant({ kind: 'drop-response' as const }),
    fc.constant({ kind: 'refuse' as const }),
    fc.constant({ kind: 'reset-mid-body' as const }),
    fc.record({ kind: fc.constant('timeout' as const), afterMs: fc.integer({ min: 1, max: maxDelayMs }) }),
    fc.record({ kind: fc.constant('delay' as const), ms: fc.integer({ min: 1, max: maxDelayMs }) }),
  );
}

/** Fault sequences that shrink toward fewer and simpler faults. */
export function faultPlan(constraints: FaultPlanConstraints = {}): fc.Arbitrary<FaultPlan> {
  return fc.array(faultStep(constraints), { minLength: 1, maxLength: constraints.maxFaults ?? 4 });
}

/** Only server-side trouble the client is told about: 5xx and throttling answers. */
export function transientPlan(constraints: FaultPlanConstraints = {}): fc.Arbitrary<FaultPlan> {
  const step = fc.constantFrom<FaultStep>({ kind: 'replace-503' }, { kind: 'replace-500' }, { kind: 'replace-throttle' });
  return fc.array(step, { minLength: 1, maxLength: constraints.maxFaults ?? 4 });
}
