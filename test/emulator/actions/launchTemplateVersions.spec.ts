import { describe, expect, it } from 'vitest';
import { inProcessEmulator, items } from '../support/inProcess.ts';
import type { InProcessEmulator } from '../support/inProcess.ts';

const TEMPLATE = { Action: 'CreateLaunchTemplate', LaunchTemplateName: 'web', 'LaunchTemplateData.ImageId': 'ami-12345678', 'LaunchTemplateData.InstanceType': 't3.micro' };

async function templateId(emulator: InProcessEmulator): Promise<string> {
  return (await emulator.call(TEMPLATE)).body.launchTemplate.launchTemplateId;
}

const version = (params: Record<string, string>) => ({ Action: 'CreateLaunchTemplateVersion', ...params });

describe('CreateLaunchTemplateVersion', () => {
  it('answers a LaunchTemplateVersion with the next number and the data as response elements', async () => {
    const emulator = inProcessEmulator();
    const id = await templateId(emulator);
    const answer = await emulator.call(
      version({
        LaunchTemplateId: id,
        VersionDescription: 'v2',
        'LaunchTemplateData.ImageId': 'ami-87654321',
        'LaunchTemplateData.SecurityGroupId.1': 'sg-0123456789abcdef0',
        'LaunchTemplateData.Monitoring.Enabled': 'true',
        'LaunchTemplateData.TagSpecification.1.ResourceType': 'instance',
        'LaunchTemplateData.TagSpecification.1.Tag.1.Key': 'Name',
        'LaunchTemplateData.TagSpecification.1.Tag.1.Value': 'web',
      }),
    );
    expect(Object.keys(answer.body)).toEqual(['requestId', 'launchTemplateVersion']);
    expect(answer.body.launchTemplateVersion).toEqual({
      launchTemplateId: id,
      launchTemplateName: 'web',
      versionNumber: '2',
      versionDescription: 'v2',
      createTime: expect.stringMatching(/\.000Z$/),
      createdBy: 'arn:aws:iam::123456789012:root',
      defaultVersion: 'false',
      launchTemplateData: {
        imageId: 'ami-87654321',
        securityGroupIdSet: { item: ['sg-0123456789abcdef0'] },
        monitoring: { enabled: 'true' },
        tagSpecificationSet: { item: [{ resourceType: 'instance', tagSet: { item: [{ key: 'Name', value: 'web' }] } }] },
      },
    });
    const template = items((await emulator.call({ Action: 'DescribeLaunchTemplates', 'LaunchTemplateId.1': id })).body.launchTemplates)[0];
    expect([template.defaultVersionNumber, template.latestVersionNumber]).toEqual(['1', '2']);
  });

  it('starts from a source version and lays the request over it, by template name', async () => {
    const emulator = inProcessEmulator();
    await templateId(emulator);
    const answer = await emulator.call(version({ LaunchTemplateName: 'web', SourceVersion: '$Latest', 'LaunchTemplateData.KeyName': 'k' }));
    expect(answer.body.launchTemplateVersion.launchTemplateData).toEqual({ imageId: 'ami-12345678', instanceType: 't3.micro', keyName: 'k' });
    const missing = await emulator.call(version({ LaunchTemplateName: 'web', SourceVersion: '7' }));
    expect(missing.code).toBe('InvalidLaunchTemplateId.VersionNotFound');
  });

  it.each([
    [{}, 'MissingParameter'],
    [{ LaunchTemplateId: 'lt-0123456789abcdef0', LaunchTemplateName: 'web' }, 'InvalidParameterCombination'],
    [{ LaunchTemplateId: 'template' }, 'InvalidLaunchTemplateId.Malformed'],
    [{ LaunchTemplateId: 'lt-0123456789abcdef0' }, 'InvalidLaunchTemplateId.NotFound'],
    [{ LaunchTemplateName: 'nope' }, 'InvalidLaunchTemplateName.NotFoundException'],
    [{ LaunchTemplateName: 'web', SourceVersion: 'latest' }, 'InvalidParameterValue'],
    [{ LaunchTemplateName: 'web', 'LaunchTemplateData.TagSpecification.1.ResourceType': 'vpc', 'LaunchTemplateData.TagSpecification.1.Tag.1.Key': 'k' }, 'InvalidParameterValue'],
  ])('refuses %j with %s and creates nothing', async (params, code) => {
    const emulator = inProcessEmulator();
    await templateId(emulator);
    const answer = await emulator.call(version({ 'LaunchTemplateData.KeyName': 'k', ...params }));
    expect(answer.code).toBe(code);
    expect(emulator.handler.stats().creates.CreateLaunchTemplateVersion).toBeUndefined();
  });

  it('requires LaunchTemplateData unless a source version is given', async () => {
    const emulator = inProcessEmulator();
    await templateId(emulator);
    expect((await emulator.call(version({ LaunchTemplateName: 'web' }))).code).toBe('MissingParameter');
    expect((await emulator.call(version({ LaunchTemplateName: 'web', SourceVersion: '1' }))).status).toBe(200);
  });

  it('replays the original version after its template was deleted', async () => {
    const emulator = inProcessEmulator();
    const id = await templateId(emulator);
    const create = version({ LaunchTemplateId: id, 'LaunchTemplateData.KeyName': 'k', ClientToken: 'v' });
    const first = await emulator.call(create);
    await emulator.call({ Action: 'DeleteLaunchTemplate', LaunchTemplateId: id });
    const replay = await emulator.call(create);
    expect(replay.body.launchTemplateVersion).toEqual(first.body.launchTemplateVersion);
  });
});

describe('DescribeLaunchTemplateVersions', () => {
  it('resolves $Latest and $Default, MinVersion/MaxVersion and filters', async () => {
    const emulator = inProcessEmulator();
    const id = await templateId(emulator);
    for (const type of ['m5.large', 'c5.large']) await emulator.call(version({ LaunchTemplateId: id, 'LaunchTemplateData.InstanceType': type }));
    const numbers = async (params: Record<string, string>) =>
      items((await emulator.call({ Action: 'DescribeLaunchTemplateVersions', ...params })).body.launchTemplateVersionSet).map((v) => v.versionNumber);
    expect(await numbers({ LaunchTemplateId: id })).toEqual(['1', '2', '3']);
    expect(await numbers({ LaunchTemplateId: id, 'LaunchTemplateVersion.1': '$Latest', 'LaunchTemplateVersion.2': '$Default' })).toEqual(['1', '3']);
    expect(await numbers({ LaunchTemplateName: 'web', MinVersion: '2', MaxVersion: '2' })).toEqual(['2']);
    expect(await numbers({ LaunchTemplateId: id, 'Filter.1.Name': 'instance-type', 'Filter.1.Value.1': '*5.large' })).toEqual(['2', '3']);
    expect(await numbers({ LaunchTemplateId: id, 'Filter.1.Name': 'is-default-version', 'Filter.1.Value.1': 'true' })).toEqual(['1']);
    expect(await numbers({ 'LaunchTemplateVersion.1': '$Latest' })).toEqual(['3']);
    expect((await emulator.call({ Action: 'DescribeLaunchTemplateVersions', 'LaunchTemplateVersion.1': '2' })).code).toBe('InvalidParameterValue');
    expect((await emulator.call({ Action: 'DescribeLaunchTemplateVersions', LaunchTemplateId: id, 'LaunchTemplateVersion.1': '4' })).code).toBe(
      'InvalidLaunchTemplateId.VersionNotFound',
    );
  });
});

describe('DeleteLaunchTemplateVersions', () => {
  it('answers each version in the success or the error set, refusing the default version', async () => {
    const emulator = inProcessEmulator();
    const id = await templateId(emulator);
    await emulator.call(version({ LaunchTemplateId: id, 'LaunchTemplateData.KeyName': 'k' }));
    const answer = await emulator.call({ Action: 'DeleteLaunchTemplateVersions', LaunchTemplateId: id, 'LaunchTemplateVersion.1': '2', 'LaunchTemplateVersion.2': '1', 'LaunchTemplateVersion.3': '9' });
    expect(answer.status).toBe(200);
    expect(items(answer.body.successfullyDeletedLaunchTemplateVersionSet)).toEqual([{ launchTemplateId: id, launchTemplateName: 'web', versionNumber: '2' }]);
    expect(items(answer.body.unsuccessfullyDeletedLaunchTemplateVersionSet).map((item) => [item.versionNumber, item.responseError.code])).toEqual([
      ['1', 'unexpectedError'],
      ['9', 'launchTemplateVersionDoesNotExist'],
    ]);
    const next = await emulator.call(version({ LaunchTemplateId: id, 'LaunchTemplateData.KeyName': 'k2' }));
    expect(next.body.launchTemplateVersion.versionNumber).toBe('3');
  });

  it('reports an unknown or malformed template on every item', async () => {
    const emulator = inProcessEmulator();
    const codes = async (params: Record<string, string>) =>
      items((await emulator.call({ Action: 'DeleteLaunchTemplateVersions', 'LaunchTemplateVersion.1': '2', ...params })).body.unsuccessfullyDeletedLaunchTemplateVersionSet).map(
        (item) => item.responseError.code,
      );
    expect(await codes({ LaunchTemplateId: 'lt-0123456789abcdef0' })).toEqual(['launchTemplateIdDoesNotExist']);
    expect(await codes({ LaunchTemplateId: 'bad' })).toEqual(['launchTemplateIdMalformed']);
    expect(await codes({ LaunchTemplateName: 'nope' })).toEqual(['launchTemplateNameDoesNotExist']);
    expect((await emulator.call({ Action: 'DeleteLaunchTemplateVersions', LaunchTemplateName: 'web' })).code).toBe('MissingParameter');
  });
});
