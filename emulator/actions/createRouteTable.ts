// CreateRouteTable: a route table with the VPC's local route, answered as `routeTable` plus the
// `clientToken` echo. Token-taking, limit 64 (REF-TOKEN-FORM).
import type { RequestContext } from '../context.ts';
import { newResourceId } from '../ids.ts';
import type { IdempotentAction } from '../idempotency.ts';
import { findListed } from '../lookup.ts';
import { routeTableXml } from '../render/routeTable.ts';
import { VPCS } from '../resourceKinds.ts';
import type { RouteTable } from '../resources.ts';
import type { Committed } from '../tokenTable.ts';
import { readVpcChildInput } from '../vpcChild.ts';
import type { VpcChildInput } from '../vpcChild.ts';

function create(ctx: RequestContext, input: VpcChildInput, token: string | undefined): Committed {
  const { store } = ctx;
  const vpc = findListed(ctx, VPCS, input.vpcId);
  const table: RouteTable = {
    id: newResourceId('rtb'),
    createdAt: ctx.now(),
    ownerId: ctx.identity.accountId,
    tags: input.tags,
    vpcId: vpc.id,
    mainAssociationId: undefined,
    routes: [{ destinationCidrBlock: vpc.cidrBlock, gatewayId: 'local', origin: 'CreateRouteTable' }],
  };
  store.routeTables.add(table);
  const echoed = ctx.runtime.bugs.on('route-table-token-not-echoed') ? undefined : token;
  const answer = { routeTable: routeTableXml(table), clientToken: echoed };
  return { render: () => answer, isRetired: () => !store.routeTables.has(table.id) };
}

export const createRouteTable: IdempotentAction<VpcChildInput> = {
  name: 'CreateRouteTable',
  tokenLimit: 64,
  validate: (ctx) => readVpcChildInput(ctx, 'route-table'),
  create,
};
