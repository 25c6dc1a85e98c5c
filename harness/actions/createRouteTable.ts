import { simpleAction } from './simpleAction.ts';

/** Route tables are free; only the VPC and the tags choose one. */
export const createRouteTable = simpleAction({
  name: 'CreateRouteTable',
  tokenInAnswer: true,
  resourceType: 'route-table',
  needs: ['vpc'],
  options: [],
  placed: (place) => ({ VpcId: place.fixtures.vpcId ?? '' }),
  element: 'routeTable',
  idName: 'routeTableId',
  describe: { action: 'DescribeRouteTables', list: 'routeTableSet' },
  remove: (id) => ({ action: 'DeleteRouteTable', params: { RouteTableId: id } }),
  notFoundCodes: ['InvalidRouteTableID.NotFound'],
});
