// Resources of one (account, region): instances, reservations and launch templates, with the
// indexes that keep lookups O(1) at 100,000 instances (by id, by client token, by template name),
// and one table per VPC-side or EBS resource kind. Every store starts with a default VPC, its
// default subnets (one per zone), security group, main route table and network ACL, as an AWS
// account does.
import type { InstanceAddresses } from './addresses.ts';
import { addDefaultVpc } from './defaultVpc.ts';
import type { Params } from './params.ts';
import { ResourceTable } from './resourceTable.ts';
import type {
  EgressOnlyInternetGateway,
  ManagedPrefixList,
  NatGateway,
  NetworkAcl,
  NetworkInterface,
  RouteTable,
  SecurityGroup,
  Subnet,
  TrafficMirrorFilter,
  TrafficMirrorFilterRule,
  Volume,
  Vpc,
  VpcEndpoint,
} from './resources.ts';

export interface Tag {
  key: string;
  value: string;
}

export interface GroupRef {
  groupId: string;
  groupName: string;
}

export interface Instance extends InstanceAddresses {
  id: string;
  reservationId: string;
  imageId: string;
  instanceType: string;
  keyName: string | undefined;
  amiLaunchIndex: number;
  launchedAt: number;
  /** Set once, by the first TerminateInstances. */
  terminatedAt?: number;
  availabilityZone: string;
  subnetId: string;
  vpcId: string;
  groups: readonly GroupRef[];
  tags: readonly Tag[];
  clientToken: string | undefined;
  monitoring: boolean;
  ebsOptimized: boolean;
  disableApiTermination: boolean;
  rootVolumeId: string;
}

export interface Reservation {
  id: string;
  ownerId: string;
  instanceIds: readonly string[];
}

export interface LaunchTemplateVersion {
  templateId: string;
  number: number;
  /** `LaunchTemplateData.*` parameters, keys relative to `LaunchTemplateData.`. */
  data: Params;
  description: string | undefined;
  createdAt: number;
  createdBy: string;
}

export interface LaunchTemplate {
  id: string;
  name: string;
  createdAt: number;
  createdBy: string;
  tags: readonly Tag[];
  /** Live versions by number; a deleted version is removed. Mutable. */
  versions: Map<number, LaunchTemplateVersion>;
  defaultVersion: number;
  /** The highest number ever given: numbers are never reused, even after a delete. Mutable. */
  lastVersionNumber: number;
}

export class RegionStore {
  readonly vpcs = new ResourceTable<Vpc>();
  readonly subnets = new ResourceTable<Subnet>();
  readonly securityGroups = new ResourceTable<SecurityGroup>();
  readonly volumes = new ResourceTable<Volume>();
  readonly networkInterfaces = new ResourceTable<NetworkInterface>();
  readonly routeTables = new ResourceTable<RouteTable>();
  readonly networkAcls = new ResourceTable<NetworkAcl>();
  readonly egressOnlyInternetGateways = new ResourceTable<EgressOnlyInternetGateway>();
  readonly prefixLists = new ResourceTable<ManagedPrefixList>();
  readonly trafficMirrorFilters = new ResourceTable<TrafficMirrorFilter>();
  readonly trafficMirrorFilterRules = new ResourceTable<TrafficMirrorFilterRule>();
  readonly vpcEndpoints = new ResourceTable<VpcEndpoint>();
  readonly natGateways = new ResourceTable<NatGateway>();
  readonly defaultVpcId: string;
  readonly defaultSecurityGroup: GroupRef;
  /** The DHCP options set every VPC of the region uses. */
  readonly dhcpOptionsId: string;
  private readonly defaultSubnets: ReadonlyMap<string, string>;
  private readonly instances = new Map<string, Instance>();
  private readonly reservations = new Map<string, Reservation>();
  private readonly instanceIdsByToken = new Map<string, string[]>();
  private readonly templates = new Map<string, LaunchTemplate>();
  private readonly templateIdsByName = new Map<string, string>();
  private launchSequence = 0;
  private liveInstances = 0;

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {
    const defaults = addDefaultVpc(this);
    this.defaultVpcId = defaults.vpc.id;
    this.dhcpOptionsId = defaults.vpc.dhcpOptionsId;
    this.defaultSecurityGroup = defaults.securityGroup;
    this.defaultSubnets = defaults.subnetsByZone;
  }

  /** The id of the default subnet of `zone` (one of the region's zones). */
  defaultSubnet(zone: string): string {
    const subnet = this.defaultSubnets.get(zone);
    if (subnet === undefined) throw new Error(`No default subnet in ${zone}: zones are validated before launch`);
    return subnet;
  }

  /** A sequence number per launched instance, for unique addresses. */
  nextLaunchSequence(): number {
    this.launchSequence += 1;
    return this.launchSequence;
  }

  addReservation(reservation: Reservation, instances: readonly Instance[]): void {
    this.reservations.set(reservation.id, reservation);
    for (const instance of instances) {
      this.instances.set(instance.id, instance);
      if (instance.clientToken !== undefined) {
        const ids = this.instanceIdsByToken.get(instance.clientToken) ?? [];
        ids.push(instance.id);
        this.instanceIdsByToken.set(instance.clientToken, ids);
      }
    }
    this.liveInstances += instances.length;
  }

  instance(id: string): Instance | undefined {
    return this.instances.get(id);
  }

  reservation(id: string): Reservation | undefined {
    return this.reservations.get(id);
  }

  allInstances(): IterableIterator<Instance> {
    return this.instances.values();
  }

  /** Instances launched with exactly this client token (byte-exact, case-sensitive). */
  instancesWithToken(token: string): Instance[] {
    return (this.instanceIdsByToken.get(token) ?? []).map((id) => this.instances.get(id)!);
  }

  /** Marks the instance terminated at `now`; later calls keep the first time (terminate is idempotent). */
  terminate(instance: Instance, now: number): void {
    if (instance.terminatedAt !== undefined) return;
    instance.terminatedAt = now;
    this.liveInstances -= 1;
  }

  addTemplate(template: LaunchTemplate): void {
    this.templates.set(template.id, template);
    this.templateIdsByName.set(template.name, template.id);
  }

  templateById(id: string): LaunchTemplate | undefined {
    return this.templates.get(id);
  }

  templateByName(name: string): LaunchTemplate | undefined {
    const id = this.templateIdsByName.get(name);
    return id === undefined ? undefined : this.templates.get(id);
  }

  allTemplates(): IterableIterator<LaunchTemplate> {
    return this.templates.values();
  }

  deleteTemplate(template: LaunchTemplate): void {
    this.templates.delete(template.id);
    this.templateIdsByName.delete(template.name);
  }

  counts(): { launched: number; instances: number; launchTemplates: number } {
    return { launched: this.launchSequence, instances: this.liveInstances, launchTemplates: this.templates.size };
  }
}

/** One RegionStore per (account, region), created on first use. */
export class StoreRegistry {
  private readonly stores = new Map<string, RegionStore>();

  get(accountId: string, region: string): RegionStore {
    const key = `${accountId}/${region}`;
    let store = this.stores.get(key);
    if (store === undefined) {
      store = new RegionStore(accountId, region);
      this.stores.set(key, store);
    }
    return store;
  }

  all(): IterableIterator<RegionStore> {
    return this.stores.values();
  }
}
