// What a CreateVolume request asks for, checked the way EBS documents it: the zone, a type from
// the VolumeType enum, a size within that type's range, IOPS where the type takes them (required
// for io1/io2, 3000 by default for gp3, 3 per GiB for gp2) and throughput for gp3 only.
import { Ec2Fault, invalidParameterValue } from './errors.ts';
import { readBoolean, readInteger } from './params.ts';
import type { Params } from './params.ts';
import { zoneWithId, zonesOf } from './regions.ts';

export interface VolumeSpec {
  availabilityZone: string;
  size: number | undefined;
  snapshotId: string | undefined;
  volumeType: string;
  iops: number | undefined;
  throughput: number | undefined;
  encrypted: boolean;
  multiAttachEnabled: boolean;
}

const SIZE_RANGE: Readonly<Record<string, readonly [number, number]>> = {
  standard: [1, 1024],
  gp2: [1, 16384],
  gp3: [1, 16384],
  io1: [4, 16384],
  io2: [4, 65536],
  st1: [125, 16384],
  sc1: [125, 16384],
};
const IOPS_RANGE: Readonly<Record<string, readonly [number, number]>> = { gp3: [3000, 16000], io1: [100, 64000], io2: [100, 256000] };
const SNAPSHOT_ID = /^snap-[0-9a-f]{8,17}$/;

function combination(message: string): Ec2Fault {
  return new Ec2Fault('InvalidParameterCombination', message);
}

function readZone(params: Params, region: string): string {
  const name = params.get('AvailabilityZone');
  const id = params.get('AvailabilityZoneId');
  if (name && id) throw combination('Specify either AvailabilityZone or AvailabilityZoneId, not both.');
  if (!name && !id) throw new Ec2Fault('MissingParameter', 'The request must contain the parameter AvailabilityZone');
  const zone = name ? zonesOf(region).find((candidate) => candidate === name) : zoneWithId(region, id!);
  if (zone === undefined) throw new Ec2Fault('InvalidZone.NotFound', `The zone '${name ?? id}' does not exist.`);
  return zone;
}

function readIops(params: Params, volumeType: string, size: number | undefined): number | undefined {
  const range = IOPS_RANGE[volumeType];
  const iops = range ? readInteger(params, 'Iops', range[0], range[1]) : undefined;
  if (!range && params.has('Iops')) throw combination(`The parameter iops is not supported for ${volumeType} volumes.`);
  if (volumeType === 'io1' || volumeType === 'io2') {
    if (iops === undefined) throw new Ec2Fault('MissingParameter', `The request must contain the parameter iops for ${volumeType} volumes`);
    return iops;
  }
  if (volumeType === 'gp3') return iops ?? 3000;
  if (volumeType === 'gp2') return Math.min(16000, Math.max(100, 3 * (size ?? 0)));
  return undefined;
}

export function readVolumeSpec(params: Params, region: string): VolumeSpec {
  const availabilityZone = readZone(params, region);
  const volumeType = params.get('VolumeType') ?? 'gp2';
  const range = SIZE_RANGE[volumeType];
  if (range === undefined) {
    throw invalidParameterValue(`Value (${volumeType}) for parameter volumeType is invalid. Valid values: ${Object.keys(SIZE_RANGE).join(', ')}.`);
  }
  const size = readInteger(params, 'Size', range[0], range[1]);
  const snapshotId = params.get('SnapshotId');
  if (size === undefined && !snapshotId) throw new Ec2Fault('MissingParameter', 'The request must contain the parameter size or snapshotId');
  if (snapshotId && !SNAPSHOT_ID.test(snapshotId)) throw new Ec2Fault('InvalidSnapshotID.Malformed', `Invalid id: "${snapshotId}" (expecting "snap-...")`);
  const throughput = volumeType === 'gp3' ? (readInteger(params, 'Throughput', 125, 1000) ?? 125) : undefined;
  if (volumeType !== 'gp3' && params.has('Throughput')) throw combination(`The parameter throughput is not supported for ${volumeType} volumes.`);
  return {
    availabilityZone,
    size,
    snapshotId: snapshotId || undefined,
    volumeType,
    iops: readIops(params, volumeType, size),
    throughput,
    encrypted: readBoolean(params, 'Encrypted') ?? false,
    multiAttachEnabled: readBoolean(params, 'MultiAttachEnabled') ?? false,
  };
}
