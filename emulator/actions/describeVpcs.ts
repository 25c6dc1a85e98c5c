// DescribeVpcs: the default VPC and created ones, by `VpcId.N` and filters (`is-default`, `vpc-id`,
// `cidr`, tags, …), paginated (5–1000).
import { describeHandler } from '../describe.ts';
import { vpcXml } from '../render/vpc.ts';
import { VPCS } from '../resourceKinds.ts';
import type { Vpc } from '../resources.ts';

export const describeVpcs = describeHandler<Vpc>({
  kind: VPCS,
  idParam: 'VpcId',
  listElement: 'vpcSet',
  pageSize: [5, 1000],
  fields: () => ({
    'vpc-id': (vpc) => vpc.id,
    'is-default': (vpc) => String(vpc.isDefault),
    cidr: (vpc) => vpc.cidrBlock,
    'cidr-block-association.cidr-block': (vpc) => vpc.cidrBlock,
    'cidr-block-association.association-id': (vpc) => vpc.cidrAssociationId,
    'cidr-block-association.state': () => 'associated',
    'dhcp-options-id': (vpc) => vpc.dhcpOptionsId,
    'owner-id': (vpc) => vpc.ownerId,
    state: () => 'available',
  }),
  render: (_ctx, vpc) => vpcXml(vpc, 'available'),
});
