// DescribeSubnets: the default subnets (one per zone, `default-for-az` true) and created ones, by
// `SubnetId.N` and filters, paginated (5–1000). EC2 also takes the camel-case filter names.
import { describeHandler } from '../describe.ts';
import { subnetXml } from '../render/subnet.ts';
import { SUBNETS } from '../resourceKinds.ts';
import type { Subnet } from '../resources.ts';

const cidr = (subnet: Subnet): string => subnet.cidrBlock;
const defaultForAz = (subnet: Subnet): string => String(subnet.defaultForAz);

export const describeSubnets = describeHandler<Subnet>({
  kind: SUBNETS,
  idParam: 'SubnetId',
  listElement: 'subnetSet',
  pageSize: [5, 1000],
  fields: () => ({
    'subnet-id': (subnet) => subnet.id,
    'vpc-id': (subnet) => subnet.vpcId,
    'availability-zone': (subnet) => subnet.availabilityZone,
    'availability-zone-id': (subnet) => subnet.availabilityZoneId,
    'cidr-block': cidr,
    cidr,
    cidrBlock: cidr,
    'default-for-az': defaultForAz,
    defaultForAz,
    'map-public-ip-on-launch': (subnet) => String(subnet.mapPublicIpOnLaunch),
    'owner-id': (subnet) => subnet.ownerId,
    state: () => 'available',
  }),
  render: (ctx, subnet) => subnetXml(subnet, ctx.identity.region),
});
