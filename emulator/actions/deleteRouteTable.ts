// DeleteRouteTable: a VPC's main table, and a table a gateway endpoint routes through, have
// dependencies (DependencyViolation); any other visible table can go.
import { dependencyViolation, deleteHandler } from '../deletion.ts';
import { ROUTE_TABLES } from '../resourceKinds.ts';

export const deleteRouteTable = deleteHandler({
  kind: ROUTE_TABLES,
  idParam: 'RouteTableId',
  check: (ctx, table) => {
    const routedByEndpoint = [...ctx.store.vpcEndpoints.values()].some((endpoint) => endpoint.routeTableIds.includes(table.id));
    if (table.mainAssociationId !== undefined || routedByEndpoint) {
      throw dependencyViolation(`The routeTable '${table.id}' has dependencies and cannot be deleted.`);
    }
  },
});
