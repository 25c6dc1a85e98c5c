/**
 * The response-code tables the retry advice and RETRY-ADVICE rest on (REF-RETRY-TABLE, REF-SDK-RETRY).
 * Codes are compared case-sensitively (REF-RESPONSES).
 */

/** Throttling: retry with a longer backoff (smithy-typescript's and botocore's shared list). */
export const THROTTLING_CODES: ReadonlySet<string> = new Set([
  'BandwidthLimitExceeded', 'EC2ThrottledException', 'LimitExceededException', 'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'RequestThrottled', 'RequestThrottledException',
  'SlowDown', 'ThrottledException', 'Throttling', 'ThrottlingException', 'TooManyRequestsException',
  'TransactionInProgressException',
]);

/** Server-side and usually transient: retry with backoff. */
export const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  'InternalError', 'InternalFailure', 'ServerInternal', 'Unavailable', 'ServiceUnavailable',
  'RequestTimeout', 'RequestTimeoutException', 'InsufficientInstanceCapacity',
]);

export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([500, 502, 503, 504]);

/**
 * The one exception to "4xx: do not retry": a resource changing state may succeed later (the older
 * page's 400 row, the current page's 4xx row: REF-RETRY-TABLE). An in-flight duplicate may be
 * answered this way, too.
 */
export const STATE_CODES: ReadonlySet<string> = new Set(['IncorrectState', 'IncorrectInstanceState', 'InvalidInstanceState']);

export type StatusClass = 'client' | 'server';

/**
 * The status each known code must carry (observed, not documented per code: REF-RETRY-TABLE).
 * Profiles check the class (4xx/5xx) by default and the exact number in `strict`. Codes not listed are not judged.
 */
export const EXPECTED_STATUS: Readonly<Record<string, number>> = {
  IdempotentParameterMismatch: 400,
  IdempotentInstanceTerminated: 400,
  InvalidClientToken: 400,
  InvalidParameterValue: 400,
  InvalidParameter: 400,
  InvalidParameterCombination: 400,
  MissingParameter: 400,
  UnknownParameter: 400,
  InvalidRequest: 400,
  InvalidAction: 400,
  'InvalidAMIID.Malformed': 400,
  'InvalidAMIID.NotFound': 400,
  'InvalidInstanceID.Malformed': 400,
  'InvalidInstanceID.NotFound': 400,
  'InvalidLaunchTemplateName.AlreadyExistsException': 400,
  'InvalidLaunchTemplateName.MalformedException': 400,
  'InvalidLaunchTemplateId.NotFound': 400,
  IncorrectState: 400,
  IncorrectInstanceState: 400,
  RequestExpired: 400,
  AuthFailure: 401,
  UnauthorizedOperation: 403,
  DryRunOperation: 412,
  InternalError: 500,
  InternalFailure: 500,
  ServerInternal: 500,
  InsufficientInstanceCapacity: 500,
  Unavailable: 503,
  ServiceUnavailable: 503,
  RequestLimitExceeded: 503,
  EC2ThrottledException: 503,
};

export function statusClass(status: number): StatusClass | undefined {
  if (status >= 400 && status <= 499) return 'client';
  if (status >= 500 && status <= 599) return 'server';
  return undefined;
}

/** Backoff settings. SDK standard mode: 100 ms transient, 500 ms throttling, 20 s cap (REF-SDK-RETRY). */
export interface RetryPolicy {
  /** Attempts in all for transient and throttling answers (state answers have their own bound). */
  readonly maxAttempts: number;
  readonly baseMs: number;
  readonly throttlingBaseMs: number;
  readonly capMs: number;
  /** First wait after a state answer (`IncorrectState`: a resource changing state, or the same token still in flight). */
  readonly stateBaseMs: number;
  /**
   * State answers are retried until the waits add up to this: such an answer clears when the other
   * request finishes, which takes time, not attempts (a count of quick retries can run out first).
   */
  readonly maxStateWaitMs: number;
}

export const SDK_STANDARD_POLICY: RetryPolicy = { maxAttempts: 8, baseMs: 100, throttlingBaseMs: 500, capMs: 20_000, stateBaseMs: 250, maxStateWaitMs: 30_000 };

/** For endpoints on this machine: the same shape, shorter waits, so the suite stays fast. */
export const LOOPBACK_POLICY: RetryPolicy = { maxAttempts: 10, baseMs: 2, throttlingBaseMs: 5, capMs: 200, stateBaseMs: 5, maxStateWaitMs: 3000 };
