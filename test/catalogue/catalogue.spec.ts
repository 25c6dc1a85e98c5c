import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE_PATH, readCatalogue, type Catalogue } from '../../catalogue/catalogue.ts';
import { buildCatalogue, catalogueDifference, createdMember, loadSdk, ModelSourceError, serializeCatalogue } from '../../catalogue/model.ts';
import { runNode } from '../support/runNode.ts';

// The committed catalogue is what the pinned @aws-sdk/client-ec2 model says (the check CI runs),
// a drift is reported in one line, and the rows the suite relies on say what the model says.
let built: Catalogue;
let committedText: string;
beforeAll(() => {
  built = buildCatalogue();
  committedText = readFileSync(CATALOGUE_PATH, 'utf8');
});

const row = (catalogue: Catalogue, name: string) => catalogue.operations.find((o) => o.name === name);

describe('the ClientToken catalogue', () => {
  it('matches the model of the pinned SDK (npm run catalogue -- --check)', () => {
    expect(catalogueDifference(committedText, built)).toBeNull();
    const pinned = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { devDependencies: Record<string, string> };
    expect(built.source).toEqual({ package: '@aws-sdk/client-ec2', version: pinned.devDependencies['@aws-sdk/client-ec2'], namespace: 'com.amazonaws.ec2' });
  });

  it('reports a drift in one line: operations missing, gone or changed', () => {
    const committed = JSON.parse(committedText) as Catalogue;
    const drifted: Catalogue = {
      ...committed,
      operations: [
        ...committed.operations.filter((o) => o.name !== 'CreateVolume').map((o) => (o.name === 'RunInstances' ? { ...o, idempotencyToken: false, tokenMaxLength: 65 } : o)),
        { ...committed.operations[0]!, name: 'CreateTimeMachine' },
      ],
    };
    const difference = catalogueDifference(serializeCatalogue(drifted), built);
    expect(difference).toBe(
      '1 operation(s) in the model but not in the file: CreateVolume; 1 operation(s) no longer in the model: CreateTimeMachine; 1 operation(s) changed: RunInstances (idempotencyToken, tokenMaxLength)',
    );
    expect(catalogueDifference(JSON.stringify(committed), built)).toBe('same content, different layout');
    expect(catalogueDifference(serializeCatalogue({ ...committed, source: { ...committed.source, version: '3.0.0' } }), built)).toMatch(/^built from @aws-sdk\/client-ec2@3\.0\.0, the pinned one is @aws-sdk\/client-ec2@3\./);
    expect(catalogueDifference('{"nope":', built)).toMatch(/^the committed file is not a catalogue/);
  });

  it('holds every operation with a ClientToken member, with its path, trait, limit, required members and what it creates', () => {
    const catalogue = readCatalogue();
    expect(catalogue.counts.withClientToken).toBe(catalogue.operations.length);
    expect(catalogue.operations.length).toBeGreaterThanOrEqual(97);
    expect(row(catalogue, 'RunInstances')).toMatchObject({
      tokenMember: 'ClientToken', idempotencyToken: true, tokenMaxLength: 64, required: ['MaxCount', 'MinCount'], output: 'Reservation', createdMember: 'Instances',
    });
    expect(row(catalogue, 'CreateLaunchTemplate')).toMatchObject({
      tokenMember: 'ClientToken', idempotencyToken: true, tokenMaxLength: 128, tokenMaxLengthText: 'Maximum 128 ASCII characters', required: ['LaunchTemplateName', 'LaunchTemplateData'], createdMember: 'LaunchTemplate',
    });
    expect(row(catalogue, 'RequestSpotFleet')).toMatchObject({ tokenMember: 'SpotFleetRequestConfig.ClientToken', idempotencyToken: false, createdMember: 'SpotFleetRequestId' });
    expect(row(catalogue, 'AllocateHosts')).toMatchObject({ idempotencyToken: false, createdMember: 'HostIds' });
    expect(row(catalogue, 'CreateVolume')).toMatchObject({ idempotencyToken: true, tokenMaxLength: null, output: 'Volume', createdMember: 'VolumeId' });
    // Operations without a ClientToken are not in it.
    expect(row(catalogue, 'DescribeInstances')).toBeUndefined();
    expect(row(catalogue, 'TerminateInstances')).toBeUndefined();
    expect(catalogue.operations.map((o) => o.name)).toEqual([...catalogue.operations.map((o) => o.name)].sort());
  });

  it('picks the created member by the documented heuristic', () => {
    const members = (...names: string[]) => names.map((name) => ({ name, composite: !/(Id|Ids)$/.test(name) }));
    expect(createdMember('CreateFleet', members('FleetId', 'Errors', 'Instances'))).toEqual({ member: 'FleetId', rule: 'name' });
    expect(createdMember('ImportSnapshot', members('Description', 'ImportTaskId', 'SnapshotTaskDetail'))).toEqual({ member: 'ImportTaskId', rule: 'task' });
    expect(createdMember('CreateManagedPrefixList', members('PrefixList'))).toEqual({ member: 'PrefixList', rule: 'suffix' });
    expect(createdMember('AssociateIpamResourceDiscovery', members('IpamResourceDiscoveryAssociation'))).toEqual({ member: 'IpamResourceDiscoveryAssociation', rule: 'prefix' });
    expect(createdMember('DisassociateTrunkInterface', [{ name: 'Return', composite: false }, { name: 'ClientToken', composite: false }])).toBeNull();
  });

  it('fails clearly when the model cannot be read', () => {
    expect(() => loadSdk('@aws-sdk/client-ec2-not-installed')).toThrow(ModelSourceError);
    expect(() => loadSdk('@aws-sdk/client-ec2-not-installed')).toThrow(/cannot read the EC2 model from @aws-sdk\/client-ec2-not-installed .*install it with npm ci/);
    // A package without EC2's operation schemas is refused, not read as an empty model.
    expect(() => loadSdk('@smithy/core')).toThrow(/does not export the operation schemas this script reads/);
  });

  it('npm run catalogue -- --check exits 0 on the committed file', async () => {
    const script = new URL('../../bin/run-ts.js', import.meta.url).pathname;
    const { code, stdout } = await runNode(script, ['catalogue/build.ts', '--check'], { env: process.env, cwd: new URL('../..', import.meta.url).pathname });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^catalogue: catalogue\/ec2-client-token-operations\.json is up to date: \d+ of \d+ operations take a ClientToken/);
  });
});
