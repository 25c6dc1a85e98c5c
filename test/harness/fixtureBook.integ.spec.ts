import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { field, items, text } from '../../harness/decode.ts';
import { Session } from '../../harness/exchange.ts';
import { cleanFixtures } from '../../harness/fixtures/cleanFixtures.ts';
import { FixtureBook } from '../../harness/fixtures/fixtureBook.ts';
import { FIXTURE_MAKERS, fixtureTemplateName } from '../../harness/fixtures/fixtureKinds.ts';
import { Ledger } from '../../harness/ledger.ts';
import { startReferenceEmulator } from './support/referenceEmulator.ts';

// Fixtures: found on the target where they can be (the default VPC and its subnet), created once
// per region and account where they cannot (journaled first, tagged with the run), and deleted by
// cleanFixtures, dependents first; an endpoint that cannot give one makes its kind unavailable.
const { emulator, target } = await startReferenceEmulator();
afterAll(() => emulator.close());
const session = new Session(target);
afterAll(() => session.close());

async function listed(action: string, list: string, id: string, region = target.regions[0]): Promise<string[]> {
  const outcome = await session.exchange({ action, params: {} }, { region, identity: 'primary' });
  if (outcome.kind !== 'ok') throw new Error(`${action}: ${outcome.kind}`);
  return items(outcome.body, list).flatMap((item) => text(item, id) ?? []);
}

describe('FixtureBook', () => {
  it('finds the default VPC and a subnet, creates a filter and a template per region, journals them, and cleanFixtures removes exactly those', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ec2idem-fixtures-'));
    const ledger = new Ledger(join(dir, 'ledger.jsonl'));
    const book = new FixtureBook();
    const vpcsBefore = await listed('DescribeVpcs', 'vpcSet', 'vpcId');
    await book.provision(target, new Set(['subnet', 'traffic-mirror-filter', 'launch-template'] as const), { runId: 'fixrun1', ledger });

    expect(book.unavailable(['zone', 'vpc', 'subnet', 'traffic-mirror-filter', 'launch-template'])).toBeUndefined();
    for (const region of target.regions) {
      const fixtures = book.at({ region, identity: 'primary' });
      expect(fixtures.zone).toMatch(new RegExp(`^${region.name}[a-z]$`));
      expect(fixtures.vpcId).toMatch(/^vpc-/);
      expect(fixtures.subnetId).toMatch(/^subnet-/);
      expect(fixtures.trafficMirrorFilterId).toMatch(/^tmf-/);
      expect(fixtures.launchTemplateId).toMatch(/^lt-/);
    }
    // The default VPC was found, not made; the two made fixtures were journaled in each region.
    expect(await listed('DescribeVpcs', 'vpcSet', 'vpcId')).toEqual(vpcsBefore);
    expect(book.createdAny).toBe(true);
    const journal = (await readFile(join(dir, 'ledger.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { t: string; action?: string });
    expect(journal.filter((e) => e.t === 'intent').map((e) => e.action).sort()).toEqual(['CreateLaunchTemplate', 'CreateLaunchTemplate', 'CreateTrafficMirrorFilter', 'CreateTrafficMirrorFilter']);
    const names = await session.exchange({ action: 'DescribeLaunchTemplates', params: { LaunchTemplateName: [fixtureTemplateName('fixrun1')] } }, { region: target.regions[0], identity: 'primary' });
    expect(names.kind === 'ok' ? items(names.body, 'launchTemplates').map((t) => text(t, 'launchTemplateName')) : names.kind).toEqual([fixtureTemplateName('fixrun1')]);

    expect(await cleanFixtures(target, 'fixrun1')).toEqual({ removed: 4, leftBehind: 0, problems: [] });
    expect(await listed('DescribeTrafficMirrorFilters', 'trafficMirrorFilterSet', 'trafficMirrorFilterId')).toEqual([]);
    expect(await listed('DescribeLaunchTemplates', 'launchTemplates', 'launchTemplateId')).toEqual([]);
    expect(await listed('DescribeVpcs', 'vpcSet', 'vpcId')).toEqual(vpcsBefore);
    expect(await cleanFixtures(target, 'fixrun1')).toEqual({ removed: 0, leftBehind: 0, problems: [] });
  });

  it('cleanFixtures waits while a fixture subnet is still in use by a NAT gateway being deleted', async () => {
    const place = { region: target.regions[0], identity: 'primary' as const };
    const send = async (call: Parameters<Session['exchange']>[0]) => {
      const outcome = await session.exchange(call, place);
      if (outcome.kind !== 'ok') throw new Error(`${call.action}: ${outcome.kind}`);
      return outcome;
    };
    const vpcId = FIXTURE_MAKERS.vpc.created(await send(FIXTURE_MAKERS.vpc.create('fixrun3', {})));
    const zone = 'us-east-1a';
    const subnetId = FIXTURE_MAKERS.subnet.created(await send(FIXTURE_MAKERS.subnet.create('fixrun3', { vpcId, zone })));
    const gateway = await send({ action: 'CreateNatGateway', params: { SubnetId: subnetId, ConnectivityType: 'private' } });
    await send({ action: 'DeleteNatGateway', params: { NatGatewayId: text(field(gateway.body, 'natGateway'), 'natGatewayId') ?? '' } });
    const blocked = await session.exchange(FIXTURE_MAKERS.subnet.delete(subnetId ?? ''), place);
    expect(blocked).toMatchObject({ kind: 'ec2-error', code: 'DependencyViolation' });

    expect(await cleanFixtures(target, 'fixrun3')).toEqual({ removed: 2, leftBehind: 0, problems: [] });
  });

  it('says why a fixture cannot be had, naming the kind and the place', async () => {
    const book = new FixtureBook();
    const offline = { ...target, regions: [{ ...target.regions[0], name: 'xx-nowhere-1' }] } as typeof target;
    await book.provision(offline, new Set(['traffic-mirror-filter'] as const), { runId: 'fixrun2' }).catch(() => undefined);
    expect(book.unavailable(['traffic-mirror-filter'])).toMatch(/^no traffic-mirror-filter in xx-nowhere-1 as primary: CreateTrafficMirrorFilter answered /);
    expect(book.unavailable(['vpc'])).toBeUndefined();
  });
});
