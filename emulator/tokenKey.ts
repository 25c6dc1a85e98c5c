// The scope a token lives in (REF-REGION-SCOPE, REF-ACCOUNT-SCOPE, REF-ACTION-SCOPE): one account,
// one region, one action, and for zonal requests one availability zone. Tokens are compared byte-exactly: no case folding, no trimming.
import type { BugSwitch } from './bugs.ts';

export interface TokenScope {
  accountId: string;
  region: string;
  action: string;
  /** Set for zonal requests (e.g. RunInstances with Placement.AvailabilityZone). */
  zone: string | undefined;
  token: string;
}

export interface TokenKey {
  /** The key that binds the token. */
  full: string;
  /** The same key without the account, to find other accounts' entries. */
  withoutAccount: string;
}

function keyedToken(token: string, bugs: BugSwitch): string {
  if (bugs.on('token-case-insensitive')) return token.toLowerCase();
  if (bugs.on('token-truncated-32')) return token.slice(0, 32);
  return token;
}

export function tokenKeyFor(scope: TokenScope, bugs: BugSwitch): TokenKey {
  const region = bugs.on('scope-ignores-region') ? '*' : scope.region;
  const action = bugs.on('scope-ignores-action') ? '*' : scope.action;
  const account = bugs.on('scope-ignores-account') ? '*' : scope.accountId;
  const rest = [region, action, scope.zone ?? '', keyedToken(scope.token, bugs)];
  return { full: JSON.stringify([account, ...rest]), withoutAccount: JSON.stringify(rest) };
}
