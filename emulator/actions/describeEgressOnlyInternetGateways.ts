// DescribeEgressOnlyInternetGateways: by `EgressOnlyInternetGatewayId.N` and the tag filters (the
// only ones EC2 documents for it), paginated (5–255).
import { describeHandler } from '../describe.ts';
import { egressOnlyInternetGatewayXml } from '../render/egressOnlyInternetGateway.ts';
import { EGRESS_ONLY_INTERNET_GATEWAYS } from '../resourceKinds.ts';
import type { EgressOnlyInternetGateway } from '../resources.ts';

export const describeEgressOnlyInternetGateways = describeHandler<EgressOnlyInternetGateway>({
  kind: EGRESS_ONLY_INTERNET_GATEWAYS,
  idParam: 'EgressOnlyInternetGatewayId',
  listElement: 'egressOnlyInternetGatewaySet',
  pageSize: [5, 255],
  fields: () => ({}),
  render: (_ctx, gateway) => egressOnlyInternetGatewayXml(gateway),
});
