// DeleteNatGateway: answers `natGatewayId`. The gateway turns `deleting`, then `deleted`, and stays
// listed a while (describeNatGateways.ts); its network interface goes at once. Deleting one that
// is already deleting or deleted, while it is still listed, succeeds again and changes nothing
// (the API reference documents no error for it).
import { deleteHandler } from '../deletion.ts';
import { NAT_GATEWAYS } from '../resourceKinds.ts';

export const deleteNatGateway = deleteHandler({
  kind: NAT_GATEWAYS,
  idParam: 'NatGatewayId',
  remove: (ctx, gateway) => {
    if (gateway.deletedAt !== undefined) return;
    gateway.deletedAt = ctx.now();
    ctx.store.networkInterfaces.delete(gateway.networkInterfaceId);
  },
  answer: (_ctx, gateway) => ({ natGatewayId: gateway.id }),
});
