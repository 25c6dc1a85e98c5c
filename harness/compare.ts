import type { Ok, XmlNode } from './outcome.ts';
import type { ProfileName } from './target.ts';

/**
 * "Same response" — the one relation every rule uses (REF-REPLAY).
 *
 * Two successful answers are the same response when their parsed documents are equal after
 * dropping the fields that may legitimately differ between a request and its replay. Element
 * order inside a structure never matters (EC2 may reorder, REF-RESPONSES); the order of `<item>`s in
 * a list does. An absent element, an empty one and an empty list all mean "no value"; any other
 * field present in one answer only is a difference.
 *
 * What may differ, per profile:
 * - `seed` and `strict`: the request id, and the instance's state (`instanceState`, with the
 *   `stateReason`/`reason` that describe it), as the older idempotency page allows.
 * - `aws-current`: also the fields the current page allows to carry updated information:
 *   public/private DNS names and addresses, network interfaces, block device attachments.
 */
export const VOLATILE_FIELDS: Readonly<Record<ProfileName, readonly string[]>> = {
  seed: ['requestId', 'instanceState', 'stateReason', 'reason'],
  strict: ['requestId', 'instanceState', 'stateReason', 'reason'],
  'aws-current': [
    'requestId', 'instanceState', 'stateReason', 'reason', 'dnsName', 'privateDnsName', 'ipAddress',
    'privateIpAddress', 'networkInterfaceSet', 'blockDeviceMapping', 'ipv6Address', 'publicDnsName',
  ],
};

export interface Difference {
  /** Where, as element names joined by `/` (list items as `[n]`). */
  readonly path: string;
  readonly first: string;
  readonly second: string;
}

/** The differences that make `b` not the same response as `a`; empty when they are the same. */
export function responseDifferences(a: Ok, b: Ok, profile: ProfileName): Difference[] {
  const volatile = new Set(VOLATILE_FIELDS[profile]);
  const differences: Difference[] = [];
  if (a.root !== b.root) differences.push({ path: '(root element)', first: a.root, second: b.root });
  diff(a.body, b.body, '', volatile, differences);
  return differences;
}

type Node = XmlNode | readonly XmlNode[] | undefined;

function diff(a: Node, b: Node, path: string, volatile: ReadonlySet<string>, out: Difference[]): void {
  if (isEmpty(a) && isEmpty(b)) return;
  if (typeof a === 'string' || typeof b === 'string' || a === undefined || b === undefined) {
    if (a !== b) out.push({ path: path || '/', first: show(a), second: show(b) });
    return;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    const left = Array.isArray(a) ? a : [a];
    const right = Array.isArray(b) ? b : [b];
    const length = Math.max(left.length, right.length);
    for (let i = 0; i < length; i += 1) diff(left[i], right[i], `${path}[${i}]`, volatile, out);
    return;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of [...keys].sort()) {
    if (volatile.has(key)) continue;
    const childA = (a as Record<string, Node>)[key];
    const childB = (b as Record<string, Node>)[key];
    diff(childA, childB, `${path}/${key}`, volatile, out);
  }
}

/** No value: an absent element, an empty one (`<keyName/>`) and an empty list are all the same. */
function isEmpty(node: Node): boolean {
  return node === undefined || node === '' || (Array.isArray(node) && node.length === 0);
}

function show(node: Node): string {
  if (node === undefined) return '(absent)';
  const text = JSON.stringify(node);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
