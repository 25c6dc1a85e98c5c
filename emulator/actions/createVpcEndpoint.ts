// CreateVpcEndpoint: a gateway endpoint (available at once) for S3 or DynamoDB in a VPC, through
// route tables of that VPC, answered as `vpcEndpoint` plus the `clientToken` echo. Token-taking,
// limit 64 (REF-TOKEN-FORM; the model gives this ClientToken no idempotency trait, so SDKs do not
// fill it in). A route table routes to one endpoint per service.
import type { RequestContext } from '../context.ts';
import { Ec2Fault } from '../errors.ts';
import { newResourceId } from '../ids.ts';
import type { IdempotentAction } from '../idempotency.ts';
import { findListed } from '../lookup.ts';
import { vpcEndpointXml } from '../render/vpcEndpoint.ts';
import { ROUTE_TABLES, VPCS } from '../resourceKinds.ts';
import type { VpcEndpoint } from '../resources.ts';
import type { Tag } from '../store.ts';
import { readTagSpecifications } from '../tags.ts';
import type { Committed } from '../tokenTable.ts';
import { readVpcEndpointSpec } from '../vpcEndpointSpec.ts';
import type { VpcEndpointSpec } from '../vpcEndpointSpec.ts';

interface CreateEndpointInput extends VpcEndpointSpec {
  tags: Tag[];
}

function validate(ctx: RequestContext): CreateEndpointInput {
  const spec = readVpcEndpointSpec(ctx.params, ctx.identity.region);
  const tags = readTagSpecifications(ctx.params, 'TagSpecification', ['vpc-endpoint']).get('vpc-endpoint') ?? [];
  return { ...spec, tags };
}

function checkRouteTables(ctx: RequestContext, input: CreateEndpointInput): void {
  for (const id of input.routeTableIds) {
    const table = findListed(ctx, ROUTE_TABLES, id);
    if (table.vpcId !== input.vpcId) throw new Ec2Fault('InvalidParameter', `Route table ${id} does not belong to vpc ${input.vpcId}.`);
    const routed = [...ctx.store.vpcEndpoints.values()].some((endpoint) => endpoint.serviceName === input.serviceName && endpoint.routeTableIds.includes(id));
    if (routed) throw new Ec2Fault('RouteAlreadyExists', `Route table ${id} already has a route to ${input.serviceName}.`);
  }
}

function create(ctx: RequestContext, input: CreateEndpointInput, token: string | undefined): Committed {
  const { store } = ctx;
  findListed(ctx, VPCS, input.vpcId);
  checkRouteTables(ctx, input);
  const endpoint: VpcEndpoint = {
    id: newResourceId('vpce'),
    createdAt: ctx.now(),
    ownerId: ctx.identity.accountId,
    tags: input.tags,
    vpcId: input.vpcId,
    serviceName: input.serviceName,
    vpcEndpointType: 'Gateway',
    routeTableIds: input.routeTableIds,
    policyDocument: input.policyDocument,
  };
  store.vpcEndpoints.add(endpoint);
  const answer = { vpcEndpoint: vpcEndpointXml(endpoint), clientToken: token };
  return { render: () => answer, isRetired: () => !store.vpcEndpoints.has(endpoint.id) };
}

export const createVpcEndpoint: IdempotentAction<CreateEndpointInput> = {
  name: 'CreateVpcEndpoint',
  tokenLimit: 64,
  quirks: (bugs) => ({ unserialized: bugs.on('vpce-concurrent-duplicates') }),
  validate,
  create,
};
