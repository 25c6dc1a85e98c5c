import { describe, expect, it } from 'vitest';
import { RUN, inProcessEmulator, items } from '../support/inProcess.ts';

describe('RunInstances', () => {
  it('answers a Reservation shaped like EC2 (element order, fixed fields, clientToken only when given)', async () => {
    const answer = await inProcessEmulator().call({ ...RUN, KeyName: 'my-key', 'Placement.AvailabilityZone': 'us-east-1b' });
    expect(Object.keys(answer.body)).toEqual(['requestId', 'reservationId', 'ownerId', 'groupSet', 'instancesSet']);
    expect(answer.body.reservationId).toMatch(/^r-[0-9a-f]{17}$/);
    const [instance] = items(answer.body.instancesSet);
    expect(instance).toMatchObject({
      instanceId: expect.stringMatching(/^i-[0-9a-f]{17}$/),
      imageId: 'ami-12345678',
      instanceState: { code: '0', name: 'pending' },
      keyName: 'my-key',
      amiLaunchIndex: '0',
      instanceType: 'm1.small',
      launchTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
      placement: { availabilityZone: 'us-east-1b', tenancy: 'default' },
      monitoring: { state: 'disabled' },
      privateIpAddress: expect.stringMatching(/^10\./),
      dnsName: expect.stringMatching(/^ec2-54-.*\.compute-1\.amazonaws\.com$/),
      privateDnsName: expect.stringMatching(/^ip-10-.*\.ec2\.internal$/),
      groupSet: { item: [{ groupId: expect.stringMatching(/^sg-/), groupName: 'default' }] },
      hypervisor: 'xen',
    });
    expect(instance.clientToken).toBeUndefined();
    expect(instance.tagSet).toBeUndefined();
    expect(answer.xml).toContain('<RunInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>');
    expect(answer.xml).toContain('<groupSet/>');
  });

  it.each([
    [{ ImageId: undefined }, 'MissingParameter'],
    [{ MinCount: undefined }, 'MissingParameter'],
    [{ ImageId: 'ami-XYZ' }, 'InvalidAMIID.Malformed'],
    [{ MinCount: 2, MaxCount: 1 }, 'InvalidParameterValue'],
    [{ MaxCount: 51 }, 'InvalidParameterValue'],
    [{ MaxCount: -1 }, 'InvalidParameterValue'],
    [{ InstanceType: 'T3.MICRO' }, 'InvalidParameterValue'],
    [{ UserData: 'not base64!' }, 'InvalidParameterValue'],
    [{ 'Placement.AvailabilityZone': 'us-west-2a' }, 'InvalidParameterValue'],
    [{ 'SecurityGroupId.1': 'default' }, 'InvalidGroupId.Malformed'],
    [{ DisableApiTermination: 'yes' }, 'InvalidParameterValue'],
    [{ InstanceInitiatedShutdownBehavior: 'hibernate' }, 'InvalidParameterValue'],
    [{ 'TagSpecification.1.ResourceType': 'image', 'TagSpecification.1.Tag.1.Key': 'k' }, 'InvalidParameterValue'],
    [{ 'TagSpecification.1.ResourceType': 'instance', 'TagSpecification.1.Tag.1.Key': 'aws:x' }, 'InvalidParameterValue'],
    [{ DryRun: 'maybe' }, 'InvalidParameterValue'],
  ])('refuses %j with 400 %s and launches nothing', async (change, code) => {
    const emulator = inProcessEmulator();
    const params = Object.fromEntries(Object.entries({ ...RUN, ...change }).filter(([, value]) => value !== undefined));
    const answer = await emulator.call(params as Record<string, string>);
    expect([answer.status, answer.code]).toEqual([400, code]);
    expect(emulator.handler.stats().launches).toBe(0);
  });

  it('accepts unknown parameters and counts them in the fingerprint', async () => {
    const emulator = inProcessEmulator();
    expect((await emulator.call({ ...RUN, 'MetadataOptions.HttpTokens': 'required', ClientToken: 't' })).status).toBe(200);
    expect((await emulator.call({ ...RUN, 'MetadataOptions.HttpTokens': 'optional', ClientToken: 't' })).code).toBe('IdempotentParameterMismatch');
  });
});
