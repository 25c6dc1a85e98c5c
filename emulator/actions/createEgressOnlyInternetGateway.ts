// CreateEgressOnlyInternetGateway: an egress-only gateway attached to its VPC, answered as
// `clientToken` plus `egressOnlyInternetGateway`. Token-taking, limit 64 (REF-TOKEN-FORM; the model
// marks this ClientToken without the idempotency trait, so SDKs do not fill it in).
import type { RequestContext } from '../context.ts';
import { newResourceId } from '../ids.ts';
import type { IdempotentAction } from '../idempotency.ts';
import { findListed } from '../lookup.ts';
import { egressOnlyInternetGatewayXml } from '../render/egressOnlyInternetGateway.ts';
import { VPCS } from '../resourceKinds.ts';
import type { EgressOnlyInternetGateway } from '../resources.ts';
import type { Committed } from '../tokenTable.ts';
import { readVpcChildInput } from '../vpcChild.ts';
import type { VpcChildInput } from '../vpcChild.ts';

function create(ctx: RequestContext, input: VpcChildInput, token: string | undefined): Committed {
  const { store } = ctx;
  const vpc = findListed(ctx, VPCS, input.vpcId);
  const gateway: EgressOnlyInternetGateway = { id: newResourceId('eigw'), createdAt: ctx.now(), tags: input.tags, vpcId: vpc.id };
  store.egressOnlyInternetGateways.add(gateway);
  const answer = { clientToken: token, egressOnlyInternetGateway: egressOnlyInternetGatewayXml(gateway) };
  return { render: () => answer, isRetired: () => !store.egressOnlyInternetGateways.has(gateway.id) };
}

export const createEgressOnlyInternetGateway: IdempotentAction<VpcChildInput> = {
  name: 'CreateEgressOnlyInternetGateway',
  tokenLimit: 64,
  quirks: (bugs) => ({ mismatchWrongCode: bugs.on('eigw-mismatch-wrong-code') }),
  validate: (ctx) => readVpcChildInput(ctx, 'egress-only-internet-gateway'),
  create,
};
