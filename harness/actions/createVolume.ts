import { simpleAction } from './simpleAction.ts';

/** EBS volumes: billed by the GB-month, so a 1–3 GiB volume deleted within its case costs next to nothing. */
export const createVolume = simpleAction({
  name: 'CreateVolume',
  tokenInAnswer: false,
  resourceType: 'volume',
  needs: ['zone'],
  options: [
    { name: 'Size', values: ['1', '2', '3'] },
    { name: 'VolumeType', values: ['gp3', 'gp2', 'standard'] },
  ],
  placed: (place) => ({ AvailabilityZone: place.fixtures.zone ?? '' }),
  idName: 'volumeId',
  stateName: 'status',
  describe: { action: 'DescribeVolumes', list: 'volumeSet' },
  remove: (id) => ({ action: 'DeleteVolume', params: { VolumeId: id } }),
  notFoundCodes: ['InvalidVolume.NotFound'],
  goneStates: ['deleting', 'deleted'],
});
