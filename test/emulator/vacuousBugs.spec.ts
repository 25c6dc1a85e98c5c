// The seeded bugs that make an endpoint vacuous: nothing token-taking works, creates name
// nothing, or no answer can be read whole. Exact wire behaviour, so the suite has something
// precise to refuse.
import { describe, expect, it } from 'vitest';
import { BUGS } from '../../emulator/bugs.ts';
import { emulatorForTest } from './support/running.ts';
import { RUN, formBody, inProcessEmulator, items } from './support/inProcess.ts';
import type { Params } from './support/inProcess.ts';

const TEMPLATE = { Action: 'CreateLaunchTemplate', LaunchTemplateName: 'tpl', 'LaunchTemplateData.ImageId': 'ami-12345678' };

describe('unsupported-everything', () => {
  it('answers every token-taking action 400 UnsupportedOperation, dry runs too', async () => {
    const emulator = inProcessEmulator({ bug: 'unsupported-everything' });
    for (const [params, action] of [
      [{ ...RUN, ClientToken: 'T' }, 'RunInstances'],
      [RUN, 'RunInstances'],
      [{ ...RUN, DryRun: true }, 'RunInstances'],
      [{ ...TEMPLATE, ClientToken: 'T' }, 'CreateLaunchTemplate'],
      [{ Action: 'CreateTrafficMirrorFilter', ClientToken: 'T' }, 'CreateTrafficMirrorFilter'],
    ] as const) {
      const answer = await emulator.call(params);
      expect([answer.status, answer.code, answer.body.Errors.Error.Message]).toEqual([400, 'UnsupportedOperation', `The action ${action} is not supported.`]);
    }
    expect(emulator.handler.stats()).toMatchObject({ launches: 0, resourcesAlive: { instances: 0, launchTemplates: 0 } });
  });

  it('still answers the describe actions', async () => {
    const emulator = inProcessEmulator({ bug: 'unsupported-everything' });
    const regions = await emulator.call({ Action: 'DescribeRegions' });
    expect(items(regions.body.regionInfo).map((region) => region.regionName)).toEqual(['us-east-1', 'us-west-2', 'eu-west-1']);
    const zones = await emulator.call({ Action: 'DescribeAvailabilityZones' });
    expect(items(zones.body.availabilityZoneInfo)).toHaveLength(3);
    for (const action of ['DescribeInstances', 'DescribeLaunchTemplates']) {
      const answer = await emulator.call({ Action: action });
      expect([answer.status, answer.code]).toEqual([200, undefined]);
    }
  });

  it('is marked untested with no rule of its own', () => {
    expect(BUGS['unsupported-everything']).toMatchObject({ rules: [], verdict: 'untested' });
  });
});

describe('creates-nothing', () => {
  it('RunInstances answers 200 with the envelope and an empty instancesSet, the same on replay, and launches nothing', async () => {
    const emulator = inProcessEmulator({ bug: 'creates-nothing' });
    const first = await emulator.send({ ...RUN, ClientToken: 'T' });
    expect(first.status).toBe(200);
    expect(first.body).toContain('<instancesSet/>');
    const parsed = await emulator.call({ ...RUN, ClientToken: 'T' });
    expect(parsed.status).toBe(200);
    expect(parsed.body.reservationId).toMatch(/^r-[0-9a-f]+$/);
    expect(parsed.body.ownerId).toBe('123456789012');
    expect(items(parsed.body.instancesSet)).toEqual([]);
    expect(first.body).toContain(`<reservationId>${parsed.body.reservationId}</reservationId>`);
    expect(items((await emulator.call(RUN)).body.instancesSet)).toEqual([]);
    const described = await emulator.call({ Action: 'DescribeInstances' });
    expect(items(described.body.reservationSet)).toEqual([]);
    expect(emulator.handler.stats()).toMatchObject({ launches: 0, resourcesAlive: { instances: 0 } });
  });

  it('CreateLaunchTemplate answers 200 with a requestId and no launchTemplate, and creates none', async () => {
    const emulator = inProcessEmulator({ bug: 'creates-nothing' });
    for (const params of [{ ...TEMPLATE, ClientToken: 'T' }, { ...TEMPLATE, ClientToken: 'T' }, TEMPLATE]) {
      const answer = await emulator.call(params);
      expect(answer.status).toBe(200);
      expect(Object.keys(answer.body)).toEqual(['requestId']);
      expect(answer.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(items((await emulator.call({ Action: 'DescribeLaunchTemplates' })).body.launchTemplates)).toEqual([]);
    expect(emulator.handler.stats().resourcesAlive.launchTemplates).toBe(0);
  });

  it('every other token-taking action answers requestId alone and creates nothing', async () => {
    const emulator = inProcessEmulator({ bug: 'creates-nothing' });
    const vpcId = items((await emulator.call({ Action: 'DescribeVpcs' })).body.vpcSet)[0].vpcId;
    const creates: Params[] = [
      { Action: 'CreateVolume', AvailabilityZone: 'us-east-1a', Size: 1, ClientToken: 'T' },
      { Action: 'CreateRouteTable', VpcId: vpcId, ClientToken: 'T' },
    ];
    for (const params of creates) {
      const answer = await emulator.call(params);
      expect([answer.status, Object.keys(answer.body)]).toEqual([200, ['requestId']]);
    }
    expect(items((await emulator.call({ Action: 'DescribeVolumes' })).body.volumeSet)).toEqual([]);
    const tables = items((await emulator.call({ Action: 'DescribeRouteTables' })).body.routeTableSet);
    expect(tables.map((table) => table.associationSet.item[0].main)).toEqual(['true']);
    expect(emulator.handler.stats().creates).toEqual({});
  });

  it('names the rules that create and expect a resource', () => {
    expect(BUGS['creates-nothing'].rules).toHaveLength(14);
    expect(BUGS['creates-nothing'].rules).not.toContain('DESCRIBE-TOKEN');
    expect(BUGS['creates-nothing'].verdict).toBeUndefined();
  });
});

describe('truncated-answers', () => {
  it('cuts successes and errors to their first half, keeping status and headers', async () => {
    const correct = inProcessEmulator();
    const broken = inProcessEmulator({ bug: 'truncated-answers' });
    for (const params of [{ Action: 'DescribeRegions' }, { Action: 'NoSuchAction' }, { ...RUN, InstanceType: 'bogus' }]) {
      const whole = await correct.send(params);
      const cut = await broken.send(params);
      expect(cut.status).toBe(whole.status);
      expect(Object.keys(cut.headers)).toEqual(Object.keys(whole.headers));
      expect(cut.headers['content-type']).toBe(whole.headers['content-type']);
      // Request ids differ but have one length, so the whole answers are equally long.
      expect(cut.body.length).toBe(Math.floor(whole.body.length / 2));
      expect(whole.body.startsWith(cut.body.slice(0, 40))).toBe(true);
    }
  });

  it('sends a Content-Length that matches the cut body over HTTP', async () => {
    const emulator = await emulatorForTest({ bug: 'truncated-answers' });
    const response = await fetch(emulator.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody({ Action: 'DescribeRegions', Version: '2016-11-15' }),
    });
    const body = Buffer.from(await response.arrayBuffer());
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBe(body.length);
    expect(body.toString('utf8')).toMatch(/^<\?xml/);
    expect(body.toString('utf8')).not.toContain('</DescribeRegionsResponse>');
  });

  it('is marked untested with no rule of its own', () => {
    expect(BUGS['truncated-answers']).toMatchObject({ rules: [], verdict: 'untested' });
  });
});
