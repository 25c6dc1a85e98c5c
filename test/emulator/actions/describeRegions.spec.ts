import { describe, expect, it } from 'vitest';
import { inProcessEmulator, items } from '../support/inProcess.ts';

describe('DescribeRegions and DescribeAvailabilityZones', () => {
  it('list the configured regions and the three zones of the caller region', async () => {
    const emulator = inProcessEmulator({ regions: ['eu-central-1', 'ap-southeast-2'] });
    const regions = await emulator.call({ Action: 'DescribeRegions' });
    expect(items(regions.body.regionInfo)).toEqual([
      { regionName: 'eu-central-1', regionEndpoint: 'ec2.eu-central-1.amazonaws.com', optInStatus: 'opt-in-not-required' },
      { regionName: 'ap-southeast-2', regionEndpoint: 'ec2.ap-southeast-2.amazonaws.com', optInStatus: 'opt-in-not-required' },
    ]);
    const zones = await emulator.call({ Action: 'DescribeAvailabilityZones' });
    expect(items(zones.body.availabilityZoneInfo).map((zone) => [zone.zoneName, zone.zoneId, zone.messageSet])).toEqual([
      ['eu-central-1a', 'euc1-az1', ''],
      ['eu-central-1b', 'euc1-az2', ''],
      ['eu-central-1c', 'euc1-az3', ''],
    ]);
    expect((await emulator.call({ Action: 'DescribeRegions', 'RegionName.1': 'us-east-1' })).code).toBe('InvalidParameterValue');
    const filtered = await emulator.call({ Action: 'DescribeAvailabilityZones', 'Filter.1.Name': 'zone-name', 'Filter.1.Value.1': 'eu-central-1b' });
    expect(items(filtered.body.availabilityZoneInfo)).toHaveLength(1);
  });
});
