// Describe filters take patterns (`*`, `?`, backslash escapes) for every filter the emulator
// supports, on the indexed path (no wildcard) and the scanning path alike.
import { describe, expect, it } from 'vitest';
import { RUN, inProcessEmulator, items } from '../support/inProcess.ts';
import type { Answer, InProcessEmulator, Params } from '../support/inProcess.ts';

function instanceIds(answer: Answer): string[] {
  expect(answer.status).toBe(200);
  return items(answer.body.reservationSet).flatMap((reservation) => items(reservation.instancesSet).map((instance) => instance.instanceId));
}

function reservationIds(answer: Answer): string[] {
  expect(answer.status).toBe(200);
  return items(answer.body.reservationSet).map((reservation) => reservation.reservationId);
}

async function launch(emulator: InProcessEmulator, params: Params = {}): Promise<Answer> {
  const answer = await emulator.call({ ...RUN, ...params });
  expect(answer.status).toBe(200);
  return answer;
}

const tagged = (key: string, value: string): Params => ({
  'TagSpecification.1.ResourceType': 'instance',
  'TagSpecification.1.Tag.1.Key': key,
  'TagSpecification.1.Tag.1.Value': value,
});

/** DescribeInstances with `filters` as [name, ...values][]. */
function describeWith(...filters: Array<[string, ...string[]]>): Params {
  const params: Params = { Action: 'DescribeInstances' };
  filters.forEach(([name, ...values], index) => {
    params[`Filter.${index + 1}.Name`] = name;
    values.forEach((value, valueIndex) => (params[`Filter.${index + 1}.Value.${valueIndex + 1}`] = value));
  });
  return params;
}

describe('DescribeInstances filter patterns', () => {
  it('an escaped token finds exactly its launch; a raw * finds more', async () => {
    const emulator = inProcessEmulator();
    const star = await launch(emulator, { ClientToken: 'tok*' });
    const plain = await launch(emulator, { ClientToken: 'tok-1' });
    const exact = reservationIds(await emulator.call(describeWith(['client-token', String.raw`tok\*`])));
    expect(exact).toEqual([star.body.reservationId]);
    const wide = reservationIds(await emulator.call(describeWith(['client-token', 'tok*'])));
    expect(wide).toEqual([star.body.reservationId, plain.body.reservationId]);
  });

  it('a token with a backslash is found by its escaped form only', async () => {
    const emulator = inProcessEmulator();
    const token = String.raw`aaaa\aaaa`;
    const launched = await launch(emulator, { ClientToken: token });
    await launch(emulator, { ClientToken: 'aaaaaaaa' });
    expect(reservationIds(await emulator.call(describeWith(['client-token', String.raw`aaaa\\aaaa`])))).toEqual([launched.body.reservationId]);
    const raw = reservationIds(await emulator.call(describeWith(['client-token', token])));
    expect(raw).toHaveLength(1);
    expect(raw).not.toContain(launched.body.reservationId);
  });

  it('? matches one character of a token; values are ORed, filters ANDed', async () => {
    const emulator = inProcessEmulator();
    const [a] = items((await launch(emulator, { ClientToken: 'run-a', ...tagged('role', 'web-1') })).body.instancesSet).map((i) => i.instanceId);
    const [b] = items((await launch(emulator, { ClientToken: 'run-b', ...tagged('role', 'db-1') })).body.instancesSet).map((i) => i.instanceId);
    const [c] = items((await launch(emulator, { ClientToken: 'run-cc', ...tagged('tier', 'web-2') })).body.instancesSet).map((i) => i.instanceId);
    expect(instanceIds(await emulator.call(describeWith(['client-token', 'run-?'])))).toEqual([a, b]);
    expect(instanceIds(await emulator.call(describeWith(['client-token', 'run-a', 'run-c?'])))).toEqual([a, c]);
    expect(instanceIds(await emulator.call(describeWith(['client-token', 'run-*'], ['tag:role', 'web-*'])))).toEqual([a]);
    expect(instanceIds(await emulator.call(describeWith(['tag:role', '*-1'], ['tag-key', 'ro?e'])))).toEqual([a, b]);
    expect(instanceIds(await emulator.call(describeWith(['tag-key', 't*'])))).toEqual([c]);
    expect(instanceIds(await emulator.call(describeWith(['tag:ro*', '*'])))).toEqual([]);
    expect(instanceIds(await emulator.call(describeWith(['tag:role', 'WEB-*'])))).toEqual([]);
  });

  it('instance-id and instance-state-name take patterns too', async () => {
    const emulator = inProcessEmulator();
    const ids = items((await launch(emulator, { MaxCount: 2 })).body.instancesSet).map((i) => i.instanceId as string);
    expect(ids).toHaveLength(2);
    expect(instanceIds(await emulator.call(describeWith(['instance-id', 'i-*'])))).toEqual(ids);
    expect(instanceIds(await emulator.call(describeWith(['instance-id', `${ids[0]!.slice(0, -1)}?`])))).toEqual([ids[0]]);
    expect(instanceIds(await emulator.call(describeWith(['instance-state-name', 'pend*'])))).toEqual(ids);
    expect(instanceIds(await emulator.call(describeWith(['instance-state-name', 'run*'])))).toEqual([]);
  });
});

describe('filter patterns on the other describe actions', () => {
  it('DescribeLaunchTemplates matches names and tags by pattern', async () => {
    const emulator = inProcessEmulator();
    const create = (name: string, team: string) =>
      emulator.call({
        Action: 'CreateLaunchTemplate',
        LaunchTemplateName: name,
        'LaunchTemplateData.ImageId': 'ami-12345678',
        'TagSpecification.1.ResourceType': 'launch-template',
        'TagSpecification.1.Tag.1.Key': 'team',
        'TagSpecification.1.Tag.1.Value': team,
      });
    for (const [name, team] of [['web-a', 'blue'], ['web-b', 'green'], ['db-a', 'blue']] as const) expect((await create(name, team)).status).toBe(200);
    const names = async (params: Params): Promise<string[]> => {
      const answer = await emulator.call({ Action: 'DescribeLaunchTemplates', ...params });
      expect(answer.status).toBe(200);
      return items(answer.body.launchTemplates).map((template) => template.launchTemplateName);
    };
    expect(await names({ 'Filter.1.Name': 'launch-template-name', 'Filter.1.Value.1': 'web-*' })).toEqual(['web-a', 'web-b']);
    expect(await names({ 'Filter.1.Name': 'launch-template-name', 'Filter.1.Value.1': '*-a', 'Filter.2.Name': 'tag:team', 'Filter.2.Value.1': 'bl??' })).toEqual(['web-a', 'db-a']);
    expect(await names({ 'Filter.1.Name': 'tag-key', 'Filter.1.Value.1': 'te*' })).toEqual(['web-a', 'web-b', 'db-a']);
    expect(await names({ 'Filter.1.Name': 'launch-template-name', 'Filter.1.Value.1': String.raw`web\-a` })).toEqual(['web-a']);
  });

  it('DescribeRegions and DescribeAvailabilityZones match by pattern', async () => {
    const emulator = inProcessEmulator();
    const regions = await emulator.call({ Action: 'DescribeRegions', 'Filter.1.Name': 'region-name', 'Filter.1.Value.1': 'us-*' });
    expect(items(regions.body.regionInfo).map((region) => region.regionName)).toEqual(['us-east-1', 'us-west-2']);
    const zones = await emulator.call({ Action: 'DescribeAvailabilityZones', 'Filter.1.Name': 'zone-name', 'Filter.1.Value.1': '*-1?', 'Filter.2.Name': 'state', 'Filter.2.Value.1': 'avail*' });
    expect(items(zones.body.availabilityZoneInfo).map((zone) => zone.zoneName)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
  });
});
