// CreateNetworkAcl: a network ACL that denies all traffic until entries are added, answered as
// `networkAcl` plus the `clientToken` echo. Token-taking, limit 64 (REF-TOKEN-FORM).
import type { RequestContext } from '../context.ts';
import { newResourceId } from '../ids.ts';
import type { IdempotentAction } from '../idempotency.ts';
import { findListed } from '../lookup.ts';
import { networkAclXml } from '../render/networkAcl.ts';
import { VPCS } from '../resourceKinds.ts';
import type { NetworkAcl } from '../resources.ts';
import type { Committed } from '../tokenTable.ts';
import { readVpcChildInput } from '../vpcChild.ts';
import type { VpcChildInput } from '../vpcChild.ts';

function create(ctx: RequestContext, input: VpcChildInput, token: string | undefined): Committed {
  const { store } = ctx;
  const vpc = findListed(ctx, VPCS, input.vpcId);
  const acl: NetworkAcl = { id: newResourceId('acl'), createdAt: ctx.now(), ownerId: ctx.identity.accountId, tags: input.tags, vpcId: vpc.id, isDefault: false };
  store.networkAcls.add(acl);
  const answer = { networkAcl: networkAclXml(acl), clientToken: token };
  return { render: () => answer, isRetired: () => !store.networkAcls.has(acl.id) };
}

export const createNetworkAcl: IdempotentAction<VpcChildInput> = {
  name: 'CreateNetworkAcl',
  tokenLimit: 64,
  quirks: (bugs) => (bugs.on('nacl-fingerprint-ignores-tags') ? { fingerprintIgnores: /^TagSpecification\./ } : {}),
  validate: (ctx) => readVpcChildInput(ctx, 'network-acl'),
  create,
};
