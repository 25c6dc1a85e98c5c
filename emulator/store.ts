// Resources of one (account, region): instances, reservations and launch templates, with the
// indexes that keep lookups O(1) at 100,000 instances (by id, by client token, by template name).
import type { InstanceAddresses } from './addresses.ts';
import { newResourceId } from './ids.ts';
import type { Params } from './params.ts';

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

export interface LaunchTemplate {
  id: string;
  name: string;
  createdAt: number;
  createdBy: string;
  tags: readonly Tag[];
  /** `LaunchTemplateData.*` parameters, keys relative to `LaunchTemplateData.`. */
  data: Params;
  versionDescription: string | undefined;
}

export class RegionStore {
  readonly defaultVpcId = newResourceId('vpc');
  readonly defaultSecurityGroup: GroupRef = { groupId: newResourceId('sg'), groupName: 'default' };
  private readonly defaultSubnets = new Map<string, string>();
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
  ) {}

  /** The default subnet of `zone`, created on first use. */
  defaultSubnet(zone: string): string {
    let subnet = this.defaultSubnets.get(zone);
    if (subnet === undefined) {
      subnet = newResourceId('subnet');
      this.defaultSubnets.set(zone, subnet);
    }
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
