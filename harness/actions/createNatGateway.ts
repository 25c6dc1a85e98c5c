import { simpleAction } from './simpleAction.ts';

/**
 * Private NAT gateways need no Elastic IP and cost little for the seconds they live
 * (REF-TOKEN-ACTIONS); deleting one takes it through `deleting` to `deleted`, listed a while longer.
 */
export const createNatGateway = simpleAction({
  name: 'CreateNatGateway',
  tokenInAnswer: true,
  resourceType: 'natgateway',
  needs: ['subnet'],
  options: [],
  placed: (place) => ({ SubnetId: place.fixtures.subnetId ?? '', ConnectivityType: 'private' }),
  element: 'natGateway',
  idName: 'natGatewayId',
  describe: { action: 'DescribeNatGateways', list: 'natGatewaySet' },
  remove: (id) => ({ action: 'DeleteNatGateway', params: { NatGatewayId: id } }),
  notFoundCodes: ['NatGatewayNotFound'],
  goneStates: ['deleting', 'deleted', 'failed'],
});
