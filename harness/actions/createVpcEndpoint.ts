import { simpleAction } from './simpleAction.ts';

/** Gateway endpoints for S3 are free; no route table is attached, so nothing else changes. */
export const createVpcEndpoint = simpleAction({
  name: 'CreateVpcEndpoint',
  tokenInAnswer: true,
  resourceType: 'vpc-endpoint',
  needs: ['vpc'],
  options: [],
  placed: (place) => ({ VpcId: place.fixtures.vpcId ?? '', ServiceName: `com.amazonaws.${place.region.name}.s3`, VpcEndpointType: 'Gateway' }),
  element: 'vpcEndpoint',
  idName: 'vpcEndpointId',
  describe: { action: 'DescribeVpcEndpoints', list: 'vpcEndpointSet' },
  remove: (id) => ({ action: 'DeleteVpcEndpoints', params: { VpcEndpointId: [id] } }),
  notFoundCodes: ['InvalidVpcEndpointId.NotFound'],
  goneStates: ['deleting', 'deleted'],
});
