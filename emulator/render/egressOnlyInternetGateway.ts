// The EgressOnlyInternetGateway shape: attached to its VPC from creation on.
import type { EgressOnlyInternetGateway } from '../resources.ts';
import { xmlList } from '../xml.ts';
import type { XmlNode } from '../xml.ts';
import { tagSetXml } from './common.ts';

export function egressOnlyInternetGatewayXml(gateway: EgressOnlyInternetGateway): XmlNode {
  return {
    attachmentSet: xmlList([{ state: 'attached', vpcId: gateway.vpcId }]),
    egressOnlyInternetGatewayId: gateway.id,
    tagSet: tagSetXml(gateway.tags),
  };
}
