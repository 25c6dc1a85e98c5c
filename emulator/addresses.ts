// Network identity of an instance, fixed at launch: replays must show the same addresses and DNS
// names as the first answer, so these never change with the instance's state.

export interface InstanceAddresses {
  privateIpAddress: string;
  ipAddress: string;
  privateDnsName: string;
  dnsName: string;
}

// Three octets of a per-store sequence number: 16 million launches before a repeat.
function octets(sequence: number): string {
  return [(sequence >> 16) & 255, (sequence >> 8) & 255, sequence & 255].join('.');
}

/** Addresses for the `sequence`-th launch in `region`, shaped like EC2's default-VPC ones. */
export function addressesFor(sequence: number, region: string): InstanceAddresses {
  const privateIpAddress = `10.${octets(sequence)}`;
  const ipAddress = `54.${octets(sequence)}`;
  const usEast1 = region === 'us-east-1';
  return {
    privateIpAddress,
    ipAddress,
    privateDnsName: `ip-${privateIpAddress.replaceAll('.', '-')}.${usEast1 ? 'ec2.internal' : `${region}.compute.internal`}`,
    dnsName: `ec2-${ipAddress.replaceAll('.', '-')}.${usEast1 ? 'compute-1.amazonaws.com' : `${region}.compute.amazonaws.com`}`,
  };
}
