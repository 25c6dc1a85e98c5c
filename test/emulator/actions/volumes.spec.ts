import { describe, expect, it } from 'vitest';
import { fakeClock, inProcessEmulator, items } from '../support/inProcess.ts';

const VOLUME = { Action: 'CreateVolume', AvailabilityZone: 'us-east-1b', Size: 100 };

describe('CreateVolume', () => {
  it('answers the volume at the top level: creating, then available in DescribeVolumes', async () => {
    const clock = fakeClock();
    const emulator = inProcessEmulator({ clock });
    const answer = await emulator.call({ ...VOLUME, ClientToken: 'v', 'TagSpecification.1.ResourceType': 'volume', 'TagSpecification.1.Tag.1.Key': 'Name', 'TagSpecification.1.Tag.1.Value': 'data' });
    expect(answer.body).toEqual({
      requestId: expect.any(String),
      volumeId: expect.stringMatching(/^vol-[0-9a-f]{17}$/),
      size: '100',
      snapshotId: '',
      availabilityZone: 'us-east-1b',
      availabilityZoneId: 'use1-az2',
      status: 'creating',
      createTime: '2026-11-28T08:49:06.250Z',
      volumeType: 'gp2',
      iops: '300',
      encrypted: 'false',
      multiAttachEnabled: 'false',
      ownerId: '123456789012',
      tagSet: { item: [{ key: 'Name', value: 'data' }] },
    });
    expect(answer.body.clientToken).toBeUndefined();
    clock.advance(1000);
    const [described] = items((await emulator.call({ Action: 'DescribeVolumes', 'VolumeId.1': answer.body.volumeId })).body.volumeSet);
    expect(described).toMatchObject({ status: 'available', attachmentSet: '', fastRestored: 'false', size: '100' });
    const byStatus = await emulator.call({ Action: 'DescribeVolumes', 'Filter.1.Name': 'status', 'Filter.1.Value.1': 'available', 'Filter.2.Name': 'availability-zone', 'Filter.2.Value.1': 'us-east-1b' });
    expect(items(byStatus.body.volumeSet)).toHaveLength(1);
  });

  it('fills type defaults: gp3 3000 IOPS and 125 MiB/s; io1 takes the IOPS given', async () => {
    const emulator = inProcessEmulator();
    expect((await emulator.call({ ...VOLUME, VolumeType: 'gp3' })).body).toMatchObject({ volumeType: 'gp3', iops: '3000', throughput: '125' });
    expect((await emulator.call({ ...VOLUME, VolumeType: 'io1', Iops: 500 })).body).toMatchObject({ volumeType: 'io1', iops: '500' });
    expect((await emulator.call({ ...VOLUME, VolumeType: 'st1', Size: 500 })).body.iops).toBeUndefined();
    expect((await emulator.call({ Action: 'CreateVolume', AvailabilityZoneId: 'use1-az3', Size: 1 })).body.availabilityZone).toBe('us-east-1c');
  });

  it.each([
    [{ AvailabilityZone: undefined }, 'MissingParameter'],
    [{ AvailabilityZone: 'us-west-2a' }, 'InvalidZone.NotFound'],
    [{ AvailabilityZoneId: 'use1-az1' }, 'InvalidParameterCombination'],
    [{ Size: undefined }, 'MissingParameter'],
    [{ Size: 0 }, 'InvalidParameterValue'],
    [{ VolumeType: 'st1' }, 'InvalidParameterValue'],
    [{ VolumeType: 'ssd' }, 'InvalidParameterValue'],
    [{ VolumeType: 'io2' }, 'MissingParameter'],
    [{ Iops: 3000 }, 'InvalidParameterCombination'],
    [{ Throughput: 250 }, 'InvalidParameterCombination'],
    [{ Encrypted: 'yes' }, 'InvalidParameterValue'],
    [{ SnapshotId: 'snapshot' }, 'InvalidSnapshotID.Malformed'],
    [{ SnapshotId: 'snap-0123456789abcdef0' }, 'InvalidSnapshot.NotFound'],
    [{ 'TagSpecification.1.ResourceType': 'instance', 'TagSpecification.1.Tag.1.Key': 'k' }, 'InvalidParameterValue'],
  ])('refuses %j with %s and creates nothing', async (change, code) => {
    const emulator = inProcessEmulator();
    const params = Object.fromEntries(Object.entries({ ...VOLUME, ...change }).filter(([, value]) => value !== undefined));
    expect((await emulator.call({ ...params, ClientToken: 'v' } as Record<string, string>)).code).toBe(code);
    expect(emulator.handler.stats().creates.CreateVolume).toBeUndefined();
    expect((await emulator.call({ ...VOLUME, ClientToken: 'v' })).status).toBe(200);
  });

  it('answers DryRun after validating, and DeleteVolume and DescribeVolumes dry runs too', async () => {
    const emulator = inProcessEmulator();
    expect((await emulator.call({ ...VOLUME, DryRun: true, ClientToken: 'v' })).code).toBe('DryRunOperation');
    const id = (await emulator.call({ ...VOLUME, ClientToken: 'v' })).body.volumeId;
    expect((await emulator.call({ Action: 'DeleteVolume', VolumeId: id, DryRun: true })).code).toBe('DryRunOperation');
    expect((await emulator.call({ Action: 'DescribeVolumes', DryRun: true })).code).toBe('DryRunOperation');
    expect((await emulator.call({ Action: 'DeleteVolume', VolumeId: id })).body.return).toBe('true');
    expect((await emulator.call({ Action: 'DeleteVolume' })).code).toBe('MissingParameter');
  });

  it('pages DescribeVolumes from 5 to 500 results', async () => {
    const emulator = inProcessEmulator();
    for (let n = 0; n < 6; n += 1) await emulator.call(VOLUME);
    const page = await emulator.call({ Action: 'DescribeVolumes', MaxResults: 5 });
    expect(items(page.body.volumeSet)).toHaveLength(5);
    const rest = await emulator.call({ Action: 'DescribeVolumes', MaxResults: 5, NextToken: page.body.nextToken });
    expect(items(rest.body.volumeSet)).toHaveLength(1);
    expect((await emulator.call({ Action: 'DescribeVolumes', MaxResults: 4 })).code).toBe('InvalidParameterValue');
  });
});
