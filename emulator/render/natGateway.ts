// The NatGateway shape of Create/DescribeNatGateways: one primary address (the gateway's own
// interface and its private IP), whole-second times, `deleteTime` once a delete was asked for. The
// emulator has no Elastic IPs, so no address carries an allocation or a public IP.
import type { NatGatewayState } from '../natGateways.ts';
import type { NatGateway } from '../resources.ts';
import { xmlList } from '../xml.ts';
import type { XmlNode } from '../xml.ts';
import { isoSeconds, tagSetXml } from './common.ts';

export function natGatewayXml(gateway: NatGateway, state: NatGatewayState): XmlNode {
  return {
    createTime: isoSeconds(gateway.createdAt),
    deleteTime: gateway.deletedAt === undefined ? undefined : isoSeconds(gateway.deletedAt),
    natGatewayAddressSet: xmlList([{ networkInterfaceId: gateway.networkInterfaceId, privateIp: gateway.privateIp, isPrimary: true, status: 'succeeded' }]),
    natGatewayId: gateway.id,
    state,
    subnetId: gateway.subnetId,
    vpcId: gateway.vpcId,
    tagSet: tagSetXml(gateway.tags),
    connectivityType: gateway.connectivityType,
  };
}
