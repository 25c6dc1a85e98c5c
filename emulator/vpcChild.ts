// The request of a create whose only subject is a VPC (route table, network ACL, egress-only
// gateway): `VpcId` and tag specifications of the resource's type. The VPC itself is looked up when
// creating, so a replay answers even after the VPC is gone.
import type { RequestContext } from './context.ts';
import { requireString } from './params.ts';
import type { Tag } from './store.ts';
import { readTagSpecifications } from './tags.ts';

export interface VpcChildInput {
  vpcId: string;
  tags: Tag[];
}

export function readVpcChildInput(ctx: RequestContext, resourceType: string): VpcChildInput {
  const vpcId = requireString(ctx.params, 'VpcId');
  const tags = readTagSpecifications(ctx.params, 'TagSpecification', [resourceType]).get(resourceType) ?? [];
  return { vpcId, tags };
}
