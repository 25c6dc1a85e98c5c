// The Subnet shape of CreateSubnet and DescribeSubnets; the free-address count is as of rendering.
import { parseIpv4Cidr } from '../cidr.ts';
import { availableAddresses } from '../network.ts';
import type { Subnet } from '../resources.ts';
import { xmlList } from '../xml.ts';
import type { XmlNode } from '../xml.ts';
import { tagSetXml } from './common.ts';

export function subnetArn(subnet: Subnet, region: string): string {
  return `arn:aws:ec2:${region}:${subnet.ownerId}:subnet/${subnet.id}`;
}

export function subnetXml(subnet: Subnet, region: string): XmlNode {
  return {
    subnetId: subnet.id,
    subnetArn: subnetArn(subnet, region),
    state: 'available',
    ownerId: subnet.ownerId,
    vpcId: subnet.vpcId,
    cidrBlock: subnet.cidrBlock,
    ipv6CidrBlockAssociationSet: xmlList([]),
    availableIpAddressCount: availableAddresses(subnet, parseIpv4Cidr(subnet.cidrBlock)!),
    availabilityZone: subnet.availabilityZone,
    availabilityZoneId: subnet.availabilityZoneId,
    defaultForAz: subnet.defaultForAz,
    mapPublicIpOnLaunch: subnet.mapPublicIpOnLaunch,
    assignIpv6AddressOnCreation: false,
    ipv6Native: false,
    tagSet: tagSetXml(subnet.tags),
  };
}
