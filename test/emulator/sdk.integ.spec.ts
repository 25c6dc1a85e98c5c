// Wire compatibility with @aws-sdk/client-ec2: every answer must parse, and signatures verify.
import {
  CreateLaunchTemplateCommand,
  DeleteLaunchTemplateCommand,
  DescribeAvailabilityZonesCommand,
  DescribeInstancesCommand,
  DescribeLaunchTemplatesCommand,
  DescribeRegionsCommand,
  EC2Client,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import type { RunInstancesCommandInput } from '@aws-sdk/client-ec2';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { RunningEmulator } from '../../emulator/server.ts';
import { KNOWN_ACCOUNT, KNOWN_KEY, emulatorForTest } from './support/running.ts';

function clientFor(emulator: RunningEmulator, credentials = KNOWN_KEY, region = 'us-east-1'): EC2Client {
  const client = new EC2Client({ region, endpoint: emulator.url, maxAttempts: 1, credentials });
  onTestFinished(() => client.destroy());
  return client;
}

const LAUNCH: RunInstancesCommandInput = {
  ImageId: 'ami-12345678',
  InstanceType: 't3.micro',
  MinCount: 1,
  MaxCount: 2,
  ClientToken: 'sdk-token-007',
  TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web 1 & <co>' }] }],
};

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; status: number | undefined }> {
  try {
    await promise;
  } catch (error) {
    const failure = error as { name: string; $metadata?: { httpStatusCode?: number } };
    return { name: failure.name, status: failure.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

describe('@aws-sdk/client-ec2 against the emulator', () => {
  it('replays RunInstances, refuses a mismatch, finds the launch by client-token, terminates', async () => {
    const emulator = await emulatorForTest();
    const ec2 = clientFor(emulator);
    const first = await ec2.send(new RunInstancesCommand(LAUNCH));
    const second = await ec2.send(new RunInstancesCommand(LAUNCH));
    expect(second.ReservationId).toBe(first.ReservationId);
    expect(second.Instances?.map((i) => i.InstanceId)).toEqual(first.Instances?.map((i) => i.InstanceId));
    expect(first.OwnerId).toBe(KNOWN_ACCOUNT);
    expect(first.Instances?.[0]).toMatchObject({ ClientToken: 'sdk-token-007', State: { Code: 0, Name: 'pending' }, Tags: [{ Key: 'Name', Value: 'web 1 & <co>' }] });
    expect(emulator.stats().launches).toBe(2);

    expect(await errorOf(ec2.send(new RunInstancesCommand({ ...LAUNCH, InstanceType: 't3.large' })))).toEqual({ name: 'IdempotentParameterMismatch', status: 400 });

    const described = await ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'client-token', Values: ['sdk-token-007'] }] }));
    expect(described.Reservations).toHaveLength(1);
    expect(described.Reservations?.[0]?.Instances?.map((i) => [i.InstanceId, i.ClientToken])).toEqual(first.Instances?.map((i) => [i.InstanceId, 'sdk-token-007']));

    const ids = first.Instances!.map((i) => i.InstanceId!);
    const terminated = await ec2.send(new TerminateInstancesCommand({ InstanceIds: ids }));
    expect(terminated.TerminatingInstances?.map((i) => i.CurrentState?.Name)).toEqual(['shutting-down', 'shutting-down']);
    expect((await ec2.send(new TerminateInstancesCommand({ InstanceIds: ids }))).TerminatingInstances).toHaveLength(2);
  });

  it('describes regions and the zones of the client region', async () => {
    const emulator = await emulatorForTest();
    const regions = await clientFor(emulator).send(new DescribeRegionsCommand({}));
    expect(regions.Regions?.map((r) => r.RegionName)).toEqual(['us-east-1', 'us-west-2', 'eu-west-1']);
    const zones = await clientFor(emulator, KNOWN_KEY, 'eu-west-1').send(new DescribeAvailabilityZonesCommand({}));
    expect(zones.AvailabilityZones?.map((z) => [z.ZoneName, z.ZoneId, z.State])).toEqual([
      ['eu-west-1a', 'euw1-az1', 'available'],
      ['eu-west-1b', 'euw1-az2', 'available'],
      ['eu-west-1c', 'euw1-az3', 'available'],
    ]);
  });

  it('creates a launch template idempotently, describes and deletes it', async () => {
    const emulator = await emulatorForTest();
    const ec2 = clientFor(emulator);
    const input = { LaunchTemplateName: 'sdk-template', ClientToken: 't'.repeat(128), LaunchTemplateData: { ImageId: 'ami-12345678', InstanceType: 't3.micro' as const } };
    const first = await ec2.send(new CreateLaunchTemplateCommand(input));
    const second = await ec2.send(new CreateLaunchTemplateCommand(input));
    expect(second.LaunchTemplate).toEqual(first.LaunchTemplate);
    expect(first.LaunchTemplate?.CreatedBy).toBe(`arn:aws:iam::${KNOWN_ACCOUNT}:root`);
    const described = await ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateNames: ['sdk-template'] }));
    expect(described.LaunchTemplates?.map((t) => t.LaunchTemplateId)).toEqual([first.LaunchTemplate?.LaunchTemplateId]);
    expect(await errorOf(ec2.send(new CreateLaunchTemplateCommand({ ...input, ClientToken: 'other' })))).toEqual({ name: 'InvalidLaunchTemplateName.AlreadyExistsException', status: 400 });
    const deleted = await ec2.send(new DeleteLaunchTemplateCommand({ LaunchTemplateId: first.LaunchTemplate?.LaunchTemplateId }));
    expect(deleted.LaunchTemplate?.LaunchTemplateName).toBe('sdk-template');
  });

  it('answers DryRun with DryRunOperation 412', async () => {
    const emulator = await emulatorForTest();
    expect(await errorOf(clientFor(emulator).send(new RunInstancesCommand({ ...LAUNCH, DryRun: true })))).toEqual({ name: 'DryRunOperation', status: 412 });
    expect(emulator.stats().launches).toBe(0);
  });

  it('refuses a known key signed with a wrong secret', async () => {
    const emulator = await emulatorForTest();
    const forged = clientFor(emulator, { ...KNOWN_KEY, secretAccessKey: 'wrong-secret' });
    expect(await errorOf(forged.send(new DescribeRegionsCommand({})))).toEqual({ name: 'AuthFailure', status: 401 });
  });

  it('takes the account from a 12-digit access key and the region from the client', async () => {
    const emulator = await emulatorForTest();
    const ec2 = clientFor(emulator, { accessKeyId: '444455556666', secretAccessKey: 'anything' }, 'us-west-2');
    const launch = await ec2.send(new RunInstancesCommand({ ...LAUNCH, ClientToken: undefined }));
    expect(launch.OwnerId).toBe('444455556666');
    expect(launch.Instances?.[0]?.Placement?.AvailabilityZone).toBe('us-west-2a');
    const elsewhere = clientFor(emulator, { accessKeyId: '444455556666', secretAccessKey: 'anything' }, 'eu-west-1');
    expect((await elsewhere.send(new DescribeInstancesCommand({}))).Reservations).toEqual([]);
  });
});
