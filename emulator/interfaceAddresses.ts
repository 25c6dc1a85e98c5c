// The primary private address of a new network interface: the one asked for, if it lies in the
// subnet outside the reserved addresses and is free, else the subnet's next free one. Names follow
// EC2's internal DNS (ip-10-0-0-4.ec2.internal in us-east-1, …compute.internal elsewhere).
import { containsAddress, formatIpv4, parseIpv4Address, parseIpv4Cidr } from './cidr.ts';
import { Ec2Fault, invalidParameterValue } from './errors.ts';
import { nextAddress } from './network.ts';
import type { Subnet } from './resources.ts';
import type { RegionStore } from './store.ts';

function inUse(store: RegionStore, subnet: Subnet): Set<number> {
  const used = new Set<number>();
  for (const eni of store.networkInterfaces.values()) {
    if (eni.subnetId === subnet.id) used.add(parseIpv4Address(eni.privateIpAddress)!);
  }
  return used;
}

/** The address for a new interface in `subnet`; throws when the asked one cannot be had or none is left. */
export function interfaceAddress(store: RegionStore, subnet: Subnet, wanted: string | undefined): string {
  const cidr = parseIpv4Cidr(subnet.cidrBlock)!;
  const used = inUse(store, subnet);
  if (wanted !== undefined) {
    const address = parseIpv4Address(wanted)!;
    const reserved = address - cidr.base < 4 || address === cidr.base + 2 ** (32 - cidr.prefix) - 1;
    if (!containsAddress(cidr, address) || reserved) throw invalidParameterValue(`Address ${wanted} does not fall within the subnet's address range`);
    if (used.has(address)) throw new Ec2Fault('InvalidIPAddress.InUse', `The specified address ${wanted} is already in use.`);
    return wanted;
  }
  for (let address = nextAddress(subnet, cidr); address !== undefined; address = nextAddress(subnet, cidr)) {
    if (!used.has(address)) return formatIpv4(address);
  }
  throw new Ec2Fault('InsufficientFreeAddressesInSubnet', `There are not enough free addresses in subnet '${subnet.id}' to satisfy the requested number of instances.`);
}

export function privateDnsName(address: string, region: string): string {
  const host = `ip-${address.replaceAll('.', '-')}`;
  return region === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${region}.compute.internal`;
}

/** A locally administered MAC address derived from the interface id, so it is stable and unique enough. */
export function macAddressFor(id: string): string {
  const hex = id.slice(-10).padStart(10, '0');
  return ['02', ...(hex.match(/../g) ?? [])].join(':');
}
