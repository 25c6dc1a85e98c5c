// IPv4 and IPv6 CIDR blocks as EC2 reads them: an address, a slash and a prefix length, with no
// host bits set for IPv4 blocks that define a network (VPCs, subnets). Addresses are unsigned
// 32-bit numbers, so containment and overlap are plain arithmetic.

export interface Ipv4Block {
  /** The network address, as an unsigned 32-bit number. */
  readonly base: number;
  readonly prefix: number;
}

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const IPV4_ADDRESS = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
// Loose on purpose: hex groups, `::` shortening, a prefix of 0–128. EC2 checks more; nothing here routes.
const IPV6_CIDR = /^[0-9a-fA-F:]{2,39}\/(\d{1,3})$/;

function octetsToNumber(octets: readonly string[]): number | undefined {
  const values = octets.map(Number);
  if (values.some((value) => value > 255)) return undefined;
  return values.reduce((address, value) => address * 256 + value, 0);
}

/** The address as a number, or undefined when `text` is not a dotted IPv4 address. */
export function parseIpv4Address(text: string): number | undefined {
  const match = IPV4_ADDRESS.exec(text);
  return match ? octetsToNumber(match.slice(1, 5)) : undefined;
}

export function formatIpv4(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}

/** The block, or undefined when `text` is not `a.b.c.d/n`. With `strict`, host bits must be zero. */
export function parseIpv4Cidr(text: string, strict = true): Ipv4Block | undefined {
  const match = IPV4_CIDR.exec(text);
  if (!match) return undefined;
  const address = octetsToNumber(match.slice(1, 5));
  const prefix = Number(match[5]);
  if (address === undefined || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  if (strict && address % size !== 0) return undefined;
  return { base: address - (address % size), prefix };
}

export function isIpv6Cidr(text: string): boolean {
  const match = IPV6_CIDR.exec(text);
  return match !== null && text.includes(':') && Number(match[1]) <= 128;
}

export function blockSize(block: Ipv4Block): number {
  return 2 ** (32 - block.prefix);
}

export function containsAddress(block: Ipv4Block, address: number): boolean {
  return address >= block.base && address < block.base + blockSize(block);
}

/** True when `inner` lies wholly inside `outer`. */
export function containsBlock(outer: Ipv4Block, inner: Ipv4Block): boolean {
  return inner.prefix >= outer.prefix && containsAddress(outer, inner.base);
}

export function overlaps(a: Ipv4Block, b: Ipv4Block): boolean {
  return containsBlock(a, b) || containsBlock(b, a);
}
