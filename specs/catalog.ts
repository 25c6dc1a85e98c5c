import type { Rule } from './rule.ts';
import accountScope from './account-scope.ts';
import actionScope from './action-scope.ts';
import atMostOnce from './at-most-once.ts';
import concurrentDuplicates from './concurrent-duplicates.ts';
import describeToken from './describe-token.ts';
import dryrun from './dryrun.ts';
import equivalentEncoding from './equivalent-encoding.ts';
import history from './history.ts';
import lostResponse from './lost-response.ts';
import paramMismatch from './param-mismatch.ts';
import regionScope from './region-scope.ts';
import retention from './retention.ts';
import retryAdvice from './retry-advice.ts';
import sameResponse from './same-response.ts';
import tokenAfterTerminate from './token-after-terminate.ts';
import tokenCase from './token-case.ts';
import tokenFormat from './token-format.ts';

/** The rules, in report order. Nothing else lives here. */
export const CATALOG: readonly Rule<any>[] = [
  tokenFormat,
  tokenCase,
  sameResponse,
  atMostOnce,
  paramMismatch,
  equivalentEncoding,
  regionScope,
  describeToken,
  tokenAfterTerminate,
  retryAdvice,
  lostResponse,
  concurrentDuplicates,
  accountScope,
  actionScope,
  dryrun,
  history,
  retention,
];
