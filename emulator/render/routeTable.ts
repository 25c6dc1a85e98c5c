// The RouteTable shape of Create/DescribeRouteTables: its routes (the VPC's local route first) and,
// for a VPC's main table, the main association.
import type { RouteTable } from '../resources.ts';
import { xmlList } from '../xml.ts';
import type { XmlNode } from '../xml.ts';
import { tagSetXml } from './common.ts';

export function routeTableXml(table: RouteTable): XmlNode {
  const main = table.mainAssociationId === undefined ? [] : [{ routeTableAssociationId: table.mainAssociationId, routeTableId: table.id, main: true, associationState: { state: 'associated' } }];
  return {
    routeTableId: table.id,
    vpcId: table.vpcId,
    ownerId: table.ownerId,
    routeSet: xmlList(
      table.routes.map((route) => ({
        destinationCidrBlock: route.destinationCidrBlock,
        destinationPrefixListId: route.destinationPrefixListId,
        gatewayId: route.gatewayId,
        state: 'active',
        origin: route.origin,
      })),
    ),
    associationSet: xmlList(main),
    propagatingVgwSet: xmlList([]),
    tagSet: tagSetXml(table.tags),
  };
}
