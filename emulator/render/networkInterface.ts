// The NetworkInterface shape of Create/DescribeNetworkInterfaces: one primary private address, no
// attachment, no public address. The status is passed in (`pending` in a create's answer).
import { zoneIdOf } from '../regions.ts';
import type { NetworkInterface } from '../resources.ts';
import { xmlList } from '../xml.ts';
import type { XmlNode } from '../xml.ts';
import { tagSetXml } from './common.ts';

export function networkInterfaceXml(eni: NetworkInterface, region: string, status: string): XmlNode {
  return {
    networkInterfaceId: eni.id,
    subnetId: eni.subnetId,
    vpcId: eni.vpcId,
    availabilityZone: eni.availabilityZone,
    availabilityZoneId: zoneIdOf(region, eni.availabilityZone),
    description: eni.description,
    ownerId: eni.ownerId,
    requesterManaged: eni.managedBy !== undefined,
    status,
    macAddress: eni.macAddress,
    privateIpAddress: eni.privateIpAddress,
    privateDnsName: eni.privateDnsName,
    // A NAT gateway forwards others' traffic, so its interface does not check source and destination.
    sourceDestCheck: eni.managedBy === undefined,
    groupSet: xmlList(eni.groups.map((group) => ({ groupId: group.groupId, groupName: group.groupName }))),
    tagSet: tagSetXml(eni.tags),
    privateIpAddressesSet: xmlList([{ privateIpAddress: eni.privateIpAddress, privateDnsName: eni.privateDnsName, primary: true }]),
    ipv6AddressesSet: xmlList([]),
    interfaceType: eni.interfaceType,
  };
}
