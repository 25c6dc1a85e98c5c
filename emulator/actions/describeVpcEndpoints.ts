// DescribeVpcEndpoints: by `VpcEndpointId.N` and filters, paginated (5–1000).
import { describeHandler } from '../describe.ts';
import { vpcEndpointXml } from '../render/vpcEndpoint.ts';
import { VPC_ENDPOINTS } from '../resourceKinds.ts';
import type { VpcEndpoint } from '../resources.ts';

export const describeVpcEndpoints = describeHandler<VpcEndpoint>({
  kind: VPC_ENDPOINTS,
  idParam: 'VpcEndpointId',
  listElement: 'vpcEndpointSet',
  pageSize: [5, 1000],
  fields: () => ({
    'vpc-endpoint-id': (endpoint) => endpoint.id,
    'vpc-id': (endpoint) => endpoint.vpcId,
    'service-name': (endpoint) => endpoint.serviceName,
    'vpc-endpoint-state': () => 'available',
    'vpc-endpoint-type': (endpoint) => endpoint.vpcEndpointType,
  }),
  render: (_ctx, endpoint) => vpcEndpointXml(endpoint),
});
