// DescribeNatGateways: by `NatGatewayId.N` and filters (nat-gateway-id, state, subnet-id, vpc-id
// and the tag filters), paginated (5–1000). States follow the clock; a deleted gateway is still
// listed, in state `deleted`, until the lifecycle's terminatedVisibleMs has passed.
import type { RequestContext } from '../context.ts';
import { describeHandler } from '../describe.ts';
import { natGatewayStateAt } from '../natGateways.ts';
import type { NatGatewayState } from '../natGateways.ts';
import { natGatewayXml } from '../render/natGateway.ts';
import { NAT_GATEWAYS } from '../resourceKinds.ts';
import type { NatGateway } from '../resources.ts';

function stateAt(ctx: RequestContext, gateway: NatGateway): NatGatewayState {
  return natGatewayStateAt(gateway, ctx.now(), ctx.runtime.options.lifecycle);
}

export const describeNatGateways = describeHandler<NatGateway>({
  kind: NAT_GATEWAYS,
  idParam: 'NatGatewayId',
  listElement: 'natGatewaySet',
  pageSize: [5, 1000],
  fields: (ctx) => ({
    'nat-gateway-id': (gateway) => gateway.id,
    state: (gateway) => stateAt(ctx, gateway),
    'subnet-id': (gateway) => gateway.subnetId,
    'vpc-id': (gateway) => gateway.vpcId,
  }),
  render: (ctx, gateway) => natGatewayXml(gateway, stateAt(ctx, gateway)),
});
