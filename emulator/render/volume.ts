// The Volume shape: CreateVolume answers it at the top level, DescribeVolumes lists it (with its
// attachments). The status is passed in: `creating` in a create's answer, the clock's in a describe.
import type { Volume } from '../resources.ts';
import { xmlList } from '../xml.ts';
import type { XmlNode } from '../xml.ts';
import { isoMillis, tagSetXml } from './common.ts';

export function volumeXml(volume: Volume, status: string, described: boolean): XmlNode {
  return {
    volumeId: volume.id,
    size: volume.size,
    snapshotId: volume.snapshotId ?? '',
    availabilityZone: volume.availabilityZone,
    availabilityZoneId: volume.availabilityZoneId,
    status,
    createTime: isoMillis(volume.createdAt),
    attachmentSet: described ? xmlList([]) : undefined,
    volumeType: volume.volumeType,
    iops: volume.iops,
    throughput: volume.throughput,
    encrypted: volume.encrypted,
    multiAttachEnabled: volume.multiAttachEnabled,
    fastRestored: described ? false : undefined,
    ownerId: volume.ownerId,
    tagSet: tagSetXml(volume.tags),
  };
}
