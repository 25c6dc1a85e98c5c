// What "the same request" means for a replay: the call's parameters, order-independent, without
// the token itself, the protocol envelope (Action, Version, DryRun), the zone (REF-REGION-SCOPE: a
// different AZ is a different scope, not a mismatch) and query-string auth. The HTTP method,
// headers and signature never count, so any faithful re-encoding replays.
import { createHash } from 'node:crypto';
import type { BugName, BugSwitch } from './bugs.ts';
import type { Params } from './params.ts';

export interface FingerprintInput {
  params: Params;
  method: string;
  /** Signing date and signature as received. */
  signing: string;
  /** Parameter names left out besides the usual ones (only an action's seeded bug names any). */
  ignored?: readonly RegExp[];
}

const EXCLUDED = new Set(['ClientToken', 'Action', 'Version', 'DryRun', 'Placement.AvailabilityZone']);

const BUGGY_EXCLUSIONS: ReadonlyArray<readonly [BugName, RegExp]> = [
  ['fingerprint-ignores-userdata', /(^|\.)UserData$/],
  ['fingerprint-ignores-tags', /(^|\.)TagSpecification\./],
  ['fingerprint-ignores-instance-type', /(^|\.)InstanceType$/],
];

function counted(name: string, ignored: readonly RegExp[]): boolean {
  return !EXCLUDED.has(name) && !name.startsWith('X-Amz-') && !ignored.some((pattern) => pattern.test(name));
}

export function fingerprint(input: FingerprintInput, bugs: BugSwitch): string {
  const ignored = [...BUGGY_EXCLUSIONS.filter(([bug]) => bugs.on(bug)).map(([, pattern]) => pattern), ...(input.ignored ?? [])];
  const entries = [...input.params].filter(([name]) => counted(name, ignored));
  // Names are unique within a request (the parser refuses repeats), so sorting by name is total.
  if (!bugs.on('fingerprint-order-dependent')) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (bugs.on('fingerprint-includes-method')) entries.push(['(method)', input.method]);
  if (bugs.on('fingerprint-includes-signing')) entries.push(['(signing)', input.signing]);
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}
