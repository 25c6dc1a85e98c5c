/**
 * The only exceptions the harness throws: misconfiguration and bugs. Everything an endpoint
 * does (errors, garbage, hangs) is an `Outcome` value instead. Callers branch on `code`, never on text.
 */
export type HarnessErrorCode =
  | 'EC2IDEM_TARGET_INVALID'
  | 'EC2IDEM_TARGET_UNREADABLE'
  | 'EC2IDEM_CREDENTIALS'
  | 'EC2IDEM_USAGE'
  | 'EC2IDEM_UNREACHABLE'
  | 'EC2IDEM_BUDGET'
  | 'EC2IDEM_ENCODE'
  | 'EC2IDEM_LEDGER'
  | 'EC2IDEM_PREFLIGHT'
  | 'EC2IDEM_PLUGIN_INVALID';

export class HarnessError extends Error {
  override readonly name = 'HarnessError';

  constructor(
    readonly code: HarnessErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isHarnessError(value: unknown): value is HarnessError {
  return value instanceof HarnessError;
}

const NOT_APPLICABLE = Symbol.for('ec2-idempotency-conformance:NotApplicableError');

/**
 * Thrown while a rule runs when the target turns out to lack what the rule needs (the endpoint
 * does not implement the action). The runner reports the rule `not-applicable`, never `passed`.
 */
export class NotApplicableError extends Error {
  override readonly name = 'NotApplicableError';
  // A plugin's rule may throw it from another copy of the package: instanceof goes by a registry-wide symbol.
  readonly [NOT_APPLICABLE] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[NOT_APPLICABLE] === true;
  }
}

/** Codes by which an endpoint says it does not implement an action at all. */
export const UNSUPPORTED_ACTION_CODES: ReadonlySet<string> = new Set(['InvalidAction', 'UnsupportedOperation', 'NotImplemented']);

/**
 * Thrown into every rule once the run's breaker tripped (the endpoint stopped answering EC2): the
 * runner reports what did not finish `skipped` with the cause, and the run ends with exit 2.
 */
export class RunAborted extends Error {
  override readonly name = 'RunAborted';
}
