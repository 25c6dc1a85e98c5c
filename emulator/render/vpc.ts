// The Vpc shape of CreateVpc (state `pending`) and DescribeVpcs (`available`).
import type { Vpc } from '../resources.ts';
import { xmlList } from '../xml.ts';
import type { XmlNode } from '../xml.ts';
import { tagSetXml } from './common.ts';

export function vpcXml(vpc: Vpc, state: 'pending' | 'available'): XmlNode {
  return {
    vpcId: vpc.id,
    ownerId: vpc.ownerId,
    state,
    cidrBlock: vpc.cidrBlock,
    cidrBlockAssociationSet: xmlList([{ associationId: vpc.cidrAssociationId, cidrBlock: vpc.cidrBlock, cidrBlockState: { state: 'associated' } }]),
    ipv6CidrBlockAssociationSet: xmlList([]),
    dhcpOptionsId: vpc.dhcpOptionsId,
    instanceTenancy: vpc.instanceTenancy,
    isDefault: vpc.isDefault,
    tagSet: tagSetXml(vpc.tags),
  };
}
