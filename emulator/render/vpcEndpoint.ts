// The VpcEndpoint shape of Create/DescribeVpcEndpoints for a gateway endpoint: route tables, no
// subnets, groups, interfaces or DNS entries; its creation time to the millisecond.
import type { VpcEndpoint } from '../resources.ts';
import { xmlList, xmlTextList } from '../xml.ts';
import type { XmlNode } from '../xml.ts';
import { isoMillis, tagSetXml } from './common.ts';

export function vpcEndpointXml(endpoint: VpcEndpoint): XmlNode {
  return {
    vpcEndpointId: endpoint.id,
    vpcEndpointType: endpoint.vpcEndpointType,
    vpcId: endpoint.vpcId,
    serviceName: endpoint.serviceName,
    state: 'available',
    policyDocument: endpoint.policyDocument,
    routeTableIdSet: xmlTextList(endpoint.routeTableIds),
    subnetIdSet: xmlList([]),
    groupSet: xmlList([]),
    privateDnsEnabled: false,
    requesterManaged: false,
    networkInterfaceIdSet: xmlList([]),
    dnsEntrySet: xmlList([]),
    creationTimestamp: isoMillis(endpoint.createdAt),
    tagSet: tagSetXml(endpoint.tags),
    ownerId: endpoint.ownerId,
  };
}
