import { describe, expect, it } from 'vitest';
import { inProcessEmulator, items } from '../support/inProcess.ts';

const CREATE = { Action: 'CreateLaunchTemplate', LaunchTemplateName: 'web-(v1)/a.b_c', 'LaunchTemplateData.ImageId': 'ami-12345678' };

describe('launch template actions', () => {
  it('creates, describes by id, name and filter, and deletes by name', async () => {
    const emulator = inProcessEmulator();
    const created = await emulator.call({ ...CREATE, 'TagSpecification.1.ResourceType': 'launch-template', 'TagSpecification.1.Tag.1.Key': 'team', 'TagSpecification.1.Tag.1.Value': 'a' });
    const template = created.body.launchTemplate;
    expect(template).toMatchObject({ launchTemplateName: CREATE.LaunchTemplateName, createdBy: 'arn:aws:iam::123456789012:root', defaultVersionNumber: '1', latestVersionNumber: '1', tagSet: { item: [{ key: 'team', value: 'a' }] } });
    await emulator.call({ ...CREATE, LaunchTemplateName: 'other' });
    const byId = await emulator.call({ Action: 'DescribeLaunchTemplates', 'LaunchTemplateId.1': template.launchTemplateId });
    expect(items(byId.body.launchTemplates)).toEqual([template]);
    const byTag = await emulator.call({ Action: 'DescribeLaunchTemplates', 'Filter.1.Name': 'tag:team', 'Filter.1.Value.1': 'a' });
    expect(items(byTag.body.launchTemplates).map((t) => t.launchTemplateName)).toEqual([CREATE.LaunchTemplateName]);
    const paged = await emulator.call({ Action: 'DescribeLaunchTemplates', MaxResults: 1 });
    expect(items(paged.body.launchTemplates)).toHaveLength(1);
    expect(paged.body.nextToken).toBeDefined();
    const deleted = await emulator.call({ Action: 'DeleteLaunchTemplate', LaunchTemplateName: 'other' });
    expect(deleted.body.launchTemplate.launchTemplateName).toBe('other');
    expect((await emulator.call({ Action: 'DescribeLaunchTemplates', 'LaunchTemplateName.1': 'other' })).code).toBe('InvalidLaunchTemplateName.NotFoundException');
  });

  it.each([
    [{ LaunchTemplateName: 'ab' }, 'InvalidLaunchTemplateName.MalformedException'],
    [{ LaunchTemplateName: 'has space' }, 'InvalidLaunchTemplateName.MalformedException'],
    [{ LaunchTemplateName: undefined }, 'MissingParameter'],
    [{ 'LaunchTemplateData.ImageId': undefined }, 'MissingParameter'],
    [{ 'TagSpecification.1.ResourceType': 'instance', 'TagSpecification.1.Tag.1.Key': 'k' }, 'InvalidParameterValue'],
    [{ ClientToken: 'x'.repeat(129) }, 'InvalidParameterValue'],
  ])('refuses %j with %s', async (change, code) => {
    const params = Object.fromEntries(Object.entries({ ...CREATE, ...change }).filter(([, value]) => value !== undefined));
    expect((await inProcessEmulator().call(params as Record<string, string>)).code).toBe(code);
  });

  it('refuses the same name without a token, and unknown ids on describe and delete', async () => {
    const emulator = inProcessEmulator();
    await emulator.call(CREATE);
    expect((await emulator.call(CREATE)).code).toBe('InvalidLaunchTemplateName.AlreadyExistsException');
    expect((await emulator.call({ Action: 'DescribeLaunchTemplates', 'LaunchTemplateId.1': 'lt-0123456789abcdef0' })).code).toBe('InvalidLaunchTemplateId.NotFound');
    expect((await emulator.call({ Action: 'DeleteLaunchTemplate', LaunchTemplateId: 'template' })).code).toBe('InvalidLaunchTemplateId.Malformed');
    expect((await emulator.call({ Action: 'DeleteLaunchTemplate' })).code).toBe('MissingParameter');
  });
});
