// What the emulator keeps of each VPC-side and EBS resource. Everything is fixed at creation except
// where a field says otherwise; states are derived from the clock when rendered (lifecycle options),
// so nothing here is advanced by timers.
import type { StoredResource } from './resourceTable.ts';
import type { GroupRef, Tag } from './store.ts';

interface Owned extends StoredResource {
  readonly ownerId: string;
  readonly tags: readonly Tag[];
}

export interface Vpc extends Owned {
  readonly cidrBlock: string;
  readonly cidrAssociationId: string;
  readonly isDefault: boolean;
  readonly dhcpOptionsId: string;
  readonly instanceTenancy: string;
  /** The resources EC2 creates with every VPC and deletes with it. */
  readonly defaultSecurityGroupId: string;
  readonly mainRouteTableId: string;
  readonly defaultNetworkAclId: string;
}

export interface Subnet extends Owned {
  readonly vpcId: string;
  readonly cidrBlock: string;
  readonly availabilityZone: string;
  readonly availabilityZoneId: string;
  readonly defaultForAz: boolean;
  readonly mapPublicIpOnLaunch: boolean;
  /** Host offsets inside the CIDR handed out so far (the first four are AWS-reserved). Mutable. */
  assignedAddresses: number;
}

export interface SecurityGroup extends Owned {
  readonly groupName: string;
  readonly description: string;
  readonly vpcId: string;
  /** The group EC2 creates with its VPC; it cannot be deleted on its own. */
  readonly isDefault: boolean;
}

export interface Volume extends Owned {
  readonly size: number;
  readonly snapshotId: string | undefined;
  readonly availabilityZone: string;
  readonly availabilityZoneId: string;
  readonly volumeType: string;
  readonly iops: number | undefined;
  readonly throughput: number | undefined;
  readonly encrypted: boolean;
  readonly multiAttachEnabled: boolean;
}

export interface NetworkInterface extends Owned {
  readonly subnetId: string;
  readonly vpcId: string;
  readonly availabilityZone: string;
  readonly description: string;
  readonly privateIpAddress: string;
  readonly privateDnsName: string;
  readonly macAddress: string;
  readonly groups: readonly GroupRef[];
  readonly interfaceType: string;
  /** Set on an interface AWS creates for a service (a NAT gateway's): in use, and not the caller's to delete. */
  readonly managedBy?: string;
}

export interface Route {
  readonly destinationCidrBlock?: string;
  readonly destinationPrefixListId?: string;
  readonly gatewayId: string;
  readonly origin: string;
}

export interface RouteTable extends Owned {
  readonly vpcId: string;
  /** The VPC's main route table: created with the VPC, never deleted on its own. */
  readonly mainAssociationId: string | undefined;
  readonly routes: readonly Route[];
}

export interface NetworkAcl extends Owned {
  readonly vpcId: string;
  /** The VPC's default ACL, which allows all traffic; a created one denies everything. */
  readonly isDefault: boolean;
}

export interface EgressOnlyInternetGateway extends StoredResource {
  readonly vpcId: string;
  readonly tags: readonly Tag[];
}

export interface PrefixListEntry {
  readonly cidr: string;
  readonly description: string | undefined;
}

export interface ManagedPrefixList extends Owned {
  readonly name: string;
  readonly addressFamily: string;
  readonly maxEntries: number;
  readonly entries: readonly PrefixListEntry[];
  readonly arn: string;
}

export interface TrafficMirrorFilter extends StoredResource {
  readonly description: string | undefined;
  readonly tags: readonly Tag[];
}

export interface PortRange {
  readonly fromPort: number;
  readonly toPort: number;
}

export interface TrafficMirrorFilterRule extends StoredResource {
  readonly filterId: string;
  readonly trafficDirection: string;
  readonly ruleNumber: number;
  readonly ruleAction: string;
  readonly protocol: number | undefined;
  readonly destinationCidrBlock: string;
  readonly sourceCidrBlock: string;
  readonly destinationPortRange: PortRange | undefined;
  readonly sourcePortRange: PortRange | undefined;
  readonly description: string | undefined;
  readonly tags: readonly Tag[];
}

export interface VpcEndpoint extends Owned {
  readonly vpcId: string;
  readonly serviceName: string;
  readonly vpcEndpointType: string;
  readonly routeTableIds: readonly string[];
  readonly policyDocument: string;
}

export interface NatGateway extends StoredResource {
  readonly vpcId: string;
  readonly subnetId: string;
  readonly connectivityType: 'public' | 'private';
  /** The interface the gateway created in its subnet, and its primary private address. */
  readonly networkInterfaceId: string;
  readonly privateIp: string;
  readonly tags: readonly Tag[];
  /** Set once, by the first DeleteNatGateway; the state follows the clock from there. Mutable. */
  deletedAt?: number;
}
