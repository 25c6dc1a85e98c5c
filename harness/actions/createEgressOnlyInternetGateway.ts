import { simpleAction } from './simpleAction.ts';

/** Egress-only internet gateways carry no hourly charge. */
export const createEgressOnlyInternetGateway = simpleAction({
  name: 'CreateEgressOnlyInternetGateway',
  tokenInAnswer: true,
  resourceType: 'egress-only-internet-gateway',
  needs: ['vpc'],
  options: [],
  placed: (place) => ({ VpcId: place.fixtures.vpcId ?? '' }),
  element: 'egressOnlyInternetGateway',
  idName: 'egressOnlyInternetGatewayId',
  describe: { action: 'DescribeEgressOnlyInternetGateways', list: 'egressOnlyInternetGatewaySet' },
  remove: (id) => ({ action: 'DeleteEgressOnlyInternetGateway', params: { EgressOnlyInternetGatewayId: id } }),
  notFoundCodes: ['InvalidGatewayID.NotFound'],
});
