// DescribeVolumes: by `VolumeId.N` and filters, paginated (5–500); the status follows the clock.
import { describeHandler } from '../describe.ts';
import { isCreatingAt } from '../lifecycle.ts';
import { volumeXml } from '../render/volume.ts';
import { VOLUMES } from '../resourceKinds.ts';
import type { Volume } from '../resources.ts';
import type { RequestContext } from '../context.ts';

function statusAt(ctx: RequestContext, volume: Volume): string {
  return isCreatingAt(volume.createdAt, ctx.now(), ctx.runtime.options.lifecycle) ? 'creating' : 'available';
}

export const describeVolumes = describeHandler<Volume>({
  kind: VOLUMES,
  idParam: 'VolumeId',
  listElement: 'volumeSet',
  pageSize: [5, 500],
  fields: (ctx) => ({
    'volume-id': (volume) => volume.id,
    status: (volume) => statusAt(ctx, volume),
    'availability-zone': (volume) => volume.availabilityZone,
    'availability-zone-id': (volume) => volume.availabilityZoneId,
    'volume-type': (volume) => volume.volumeType,
    size: (volume) => String(volume.size),
    'snapshot-id': (volume) => volume.snapshotId ?? '',
    encrypted: (volume) => String(volume.encrypted),
    'multi-attach-enabled': (volume) => String(volume.multiAttachEnabled),
  }),
  render: (ctx, volume) => volumeXml(volume, statusAt(ctx, volume), true),
});
