// The Instance and Reservation shapes (REF-RESPONSES), shared by RunInstances and DescribeInstances.
// Everything but the state is fixed at launch, so a replay renders the same values.
import { instanceStateAt } from '../lifecycle.ts';
import type { LifecycleOptions } from '../options.ts';
import type { Instance, Reservation } from '../store.ts';
import { xmlList } from '../xml.ts';
import type { XmlNode } from '../xml.ts';
import { isoSeconds, stateXml, tagSetXml } from './common.ts';

export interface InstanceRendering {
  now: number;
  lifecycle: LifecycleOptions;
  omitClientToken: boolean;
  /** Shown instead of the real launch time (only a seeded bug sets it). */
  launchTimeOverride?: number;
}

const ROOT_DEVICE = '/dev/xvda';

function blockDeviceMapping(instance: Instance): XmlNode {
  const ebs = { volumeId: instance.rootVolumeId, status: 'attached', attachTime: isoSeconds(instance.launchedAt), deleteOnTermination: true };
  return xmlList([{ deviceName: ROOT_DEVICE, ebs }]);
}

export function instanceXml(instance: Instance, rendering: InstanceRendering): XmlNode {
  return {
    instanceId: instance.id,
    imageId: instance.imageId,
    instanceState: stateXml(instanceStateAt(instance, rendering.now, rendering.lifecycle)),
    privateDnsName: instance.privateDnsName,
    dnsName: instance.dnsName,
    reason: '',
    keyName: instance.keyName,
    amiLaunchIndex: instance.amiLaunchIndex,
    productCodes: xmlList([]),
    instanceType: instance.instanceType,
    launchTime: isoSeconds(rendering.launchTimeOverride ?? instance.launchedAt),
    placement: { availabilityZone: instance.availabilityZone, groupName: '', tenancy: 'default' },
    monitoring: { state: instance.monitoring ? 'enabled' : 'disabled' },
    subnetId: instance.subnetId,
    vpcId: instance.vpcId,
    privateIpAddress: instance.privateIpAddress,
    ipAddress: instance.ipAddress,
    sourceDestCheck: true,
    groupSet: xmlList(instance.groups.map((group) => ({ groupId: group.groupId, groupName: group.groupName }))),
    architecture: 'x86_64',
    rootDeviceType: 'ebs',
    rootDeviceName: ROOT_DEVICE,
    blockDeviceMapping: blockDeviceMapping(instance),
    virtualizationType: 'hvm',
    clientToken: rendering.omitClientToken ? undefined : instance.clientToken,
    tagSet: tagSetXml(instance.tags),
    hypervisor: 'xen',
    ebsOptimized: instance.ebsOptimized,
    enaSupport: true,
  };
}

/** A reservation listing `instances` (all of it for RunInstances, the matching ones for describe). */
export function reservationXml(reservation: Reservation, instances: readonly Instance[], rendering: InstanceRendering): XmlNode {
  return {
    reservationId: reservation.id,
    ownerId: reservation.ownerId,
    groupSet: xmlList([]),
    instancesSet: xmlList(instances.map((instance) => instanceXml(instance, rendering))),
  };
}
