// CreateVolume: an EBS volume in one of the region's zones, answered at the top level of the
// response (no `<volume>` wrapper, no clientToken echo). Token-taking, limit 64 (REF-TOKEN-FORM).
// The emulator has no snapshots, so a volume from a SnapshotId cannot be created.
import type { RequestContext } from '../context.ts';
import { Ec2Fault } from '../errors.ts';
import { newResourceId } from '../ids.ts';
import type { IdempotentAction } from '../idempotency.ts';
import { zoneIdOf } from '../regions.ts';
import { volumeXml } from '../render/volume.ts';
import type { Volume } from '../resources.ts';
import type { Tag } from '../store.ts';
import { readTagSpecifications } from '../tags.ts';
import type { Committed } from '../tokenTable.ts';
import { readVolumeSpec } from '../volumeSpec.ts';
import type { VolumeSpec } from '../volumeSpec.ts';

interface CreateVolumeInput extends VolumeSpec {
  tags: Tag[];
}

function validate(ctx: RequestContext): CreateVolumeInput {
  const spec = readVolumeSpec(ctx.params, ctx.identity.region);
  const tags = readTagSpecifications(ctx.params, 'TagSpecification', ['volume']).get('volume') ?? [];
  return { ...spec, tags };
}

function create(ctx: RequestContext, input: CreateVolumeInput): Committed {
  if (input.snapshotId !== undefined) throw new Ec2Fault('InvalidSnapshot.NotFound', `The snapshot '${input.snapshotId}' does not exist.`);
  const { store } = ctx;
  const volume: Volume = {
    id: newResourceId('vol'),
    createdAt: ctx.now(),
    ownerId: ctx.identity.accountId,
    tags: input.tags,
    size: input.size!,
    snapshotId: undefined,
    availabilityZone: input.availabilityZone,
    availabilityZoneId: zoneIdOf(ctx.identity.region, input.availabilityZone),
    volumeType: input.volumeType,
    iops: input.iops,
    throughput: input.throughput,
    encrypted: input.encrypted,
    multiAttachEnabled: input.multiAttachEnabled,
  };
  store.volumes.add(volume);
  const answer = volumeXml(volume, 'creating', false);
  return { render: () => answer, isRetired: () => !store.volumes.has(volume.id) };
}

export const createVolume: IdempotentAction<CreateVolumeInput> = {
  name: 'CreateVolume',
  tokenLimit: 64,
  quirks: (bugs) => (bugs.on('volume-token-limit-255') ? { tokenLimit: 255 } : {}),
  validate,
  create,
};
