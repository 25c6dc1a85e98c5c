// DescribeRouteTables: every VPC's main table and created ones, by `RouteTableId.N` and filters,
// paginated (5–100).
import { describeHandler } from '../describe.ts';
import { routeTableXml } from '../render/routeTable.ts';
import { ROUTE_TABLES } from '../resourceKinds.ts';
import type { RouteTable } from '../resources.ts';

export const describeRouteTables = describeHandler<RouteTable>({
  kind: ROUTE_TABLES,
  idParam: 'RouteTableId',
  listElement: 'routeTableSet',
  pageSize: [5, 100],
  fields: () => ({
    'route-table-id': (table) => table.id,
    'vpc-id': (table) => table.vpcId,
    'owner-id': (table) => table.ownerId,
    'association.main': (table) => (table.mainAssociationId === undefined ? undefined : 'true'),
    'association.route-table-association-id': (table) => table.mainAssociationId,
    'route.destination-cidr-block': (table) => table.routes.flatMap((route) => route.destinationCidrBlock ?? []),
    'route.gateway-id': (table) => table.routes.map((route) => route.gatewayId),
    'route.origin': (table) => table.routes.map((route) => route.origin),
    'route.state': () => 'active',
  }),
  render: (_ctx, table) => routeTableXml(table),
});
