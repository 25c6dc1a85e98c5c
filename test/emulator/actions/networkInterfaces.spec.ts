import { describe, expect, it } from 'vitest';
import { RUN, fakeClock, inProcessEmulator, items } from '../support/inProcess.ts';
import type { InProcessEmulator, Params } from '../support/inProcess.ts';

async function body(emulator: InProcessEmulator, params: Params): Promise<any> {
  const answer = await emulator.call(params);
  expect(answer.status, answer.xml).toBe(200);
  return answer.body;
}

async function network(emulator: InProcessEmulator): Promise<{ vpcId: string; subnetId: string; defaultGroup: string }> {
  const vpcId = (await body(emulator, { Action: 'CreateVpc', CidrBlock: '10.0.0.0/16' })).vpc.vpcId;
  const subnetId = (await body(emulator, { Action: 'CreateSubnet', VpcId: vpcId, CidrBlock: '10.0.1.0/28', AvailabilityZone: 'us-east-1b' })).subnet.subnetId;
  const groups = await body(emulator, { Action: 'DescribeSecurityGroups', 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': vpcId });
  return { vpcId, subnetId, defaultGroup: items(groups.securityGroupInfo)[0].groupId };
}

describe('CreateNetworkInterface', () => {
  it('answers networkInterface (pending) and clientToken; the subnet gives the VPC, zone, first free address and default group', async () => {
    const clock = fakeClock();
    const emulator = inProcessEmulator({ clock });
    const { vpcId, subnetId, defaultGroup } = await network(emulator);
    const answer = await emulator.call({ Action: 'CreateNetworkInterface', SubnetId: subnetId, Description: 'primary', ClientToken: 'eni-1' });
    expect(Object.keys(answer.body)).toEqual(['requestId', 'networkInterface', 'clientToken']);
    expect(answer.body.clientToken).toBe('eni-1');
    const eni = answer.body.networkInterface;
    expect(eni).toEqual({
      networkInterfaceId: expect.stringMatching(/^eni-[0-9a-f]{17}$/),
      subnetId,
      vpcId,
      availabilityZone: 'us-east-1b',
      availabilityZoneId: 'use1-az2',
      description: 'primary',
      ownerId: '123456789012',
      requesterManaged: 'false',
      status: 'pending',
      macAddress: expect.stringMatching(/^02(:[0-9a-f]{2}){5}$/),
      privateIpAddress: '10.0.1.4',
      privateDnsName: 'ip-10-0-1-4.ec2.internal',
      sourceDestCheck: 'true',
      groupSet: { item: [{ groupId: defaultGroup, groupName: 'default' }] },
      privateIpAddressesSet: { item: [{ privateIpAddress: '10.0.1.4', privateDnsName: 'ip-10-0-1-4.ec2.internal', primary: 'true' }] },
      ipv6AddressesSet: '',
      interfaceType: 'interface',
    });
    clock.advance(1000);
    const described = items((await body(emulator, { Action: 'DescribeNetworkInterfaces', 'Filter.1.Name': 'subnet-id', 'Filter.1.Value.1': subnetId })).networkInterfaceSet);
    expect(described.map((one) => one.status)).toEqual(['available']);
    const next = (await body(emulator, { Action: 'CreateNetworkInterface', SubnetId: subnetId })).networkInterface;
    expect(next.privateIpAddress).toBe('10.0.1.5');
    expect(next.clientToken).toBeUndefined();
  });

  it('takes a free address in the subnet and named groups of the same VPC', async () => {
    const emulator = inProcessEmulator();
    const { vpcId, subnetId } = await network(emulator);
    const web = (await body(emulator, { Action: 'CreateSecurityGroup', VpcId: vpcId, GroupName: 'web', GroupDescription: 'web' })).groupId;
    const eni = (await body(emulator, { Action: 'CreateNetworkInterface', SubnetId: subnetId, PrivateIpAddress: '10.0.1.10', 'SecurityGroupId.1': web })).networkInterface;
    expect([eni.privateIpAddress, eni.groupSet.item]).toEqual(['10.0.1.10', [{ groupId: web, groupName: 'web' }]]);
    const byGroup = await body(emulator, { Action: 'DescribeNetworkInterfaces', 'Filter.1.Name': 'group-id', 'Filter.1.Value.1': web });
    expect(items(byGroup.networkInterfaceSet).map((one) => one.networkInterfaceId)).toEqual([eni.networkInterfaceId]);
    const taken = await emulator.call({ Action: 'CreateNetworkInterface', SubnetId: subnetId, PrivateIpAddress: '10.0.1.10' });
    expect(taken.code).toBe('InvalidIPAddress.InUse');
  });

  it.each([
    [{ SubnetId: undefined }, 'MissingParameter'],
    [{ SubnetId: 'subnet-0123456789abcdef0' }, 'InvalidSubnetID.NotFound'],
    [{ PrivateIpAddress: '10.0.2.4' }, 'InvalidParameterValue'],
    [{ PrivateIpAddress: '10.0.1.1' }, 'InvalidParameterValue'],
    [{ PrivateIpAddress: 'ten' }, 'InvalidParameterValue'],
    [{ 'SecurityGroupId.1': 'web' }, 'InvalidGroupId.Malformed'],
    [{ 'SecurityGroupId.1': 'sg-0123456789abcdef0' }, 'InvalidGroup.NotFound'],
    [{ InterfaceType: 'virtual' }, 'InvalidParameterValue'],
    [{ 'TagSpecification.1.ResourceType': 'volume', 'TagSpecification.1.Tag.1.Key': 'k' }, 'InvalidParameterValue'],
  ])('refuses %j with %s and binds nothing', async (change, code) => {
    const emulator = inProcessEmulator();
    const { subnetId } = await network(emulator);
    const params = Object.fromEntries(Object.entries({ Action: 'CreateNetworkInterface', SubnetId: subnetId, ClientToken: 'e', ...change }).filter(([, value]) => value !== undefined));
    expect((await emulator.call(params as Params)).code).toBe(code);
    expect((await emulator.call({ Action: 'CreateNetworkInterface', SubnetId: subnetId, ClientToken: 'e' })).status).toBe(200);
  });

  it('refuses a group of another VPC and a full subnet', async () => {
    const emulator = inProcessEmulator();
    const { subnetId } = await network(emulator);
    const elsewhere = (await body(emulator, { Action: 'CreateSecurityGroup', GroupName: 'other', GroupDescription: 'default VPC' })).groupId;
    expect((await emulator.call({ Action: 'CreateNetworkInterface', SubnetId: subnetId, 'SecurityGroupId.1': elsewhere })).code).toBe('InvalidParameter');
    for (let n = 0; n < 11; n += 1) await body(emulator, { Action: 'CreateNetworkInterface', SubnetId: subnetId });
    expect((await emulator.call({ Action: 'CreateNetworkInterface', SubnetId: subnetId })).code).toBe('InsufficientFreeAddressesInSubnet');
    const subnet = items((await body(emulator, { Action: 'DescribeSubnets', 'SubnetId.1': subnetId })).subnetSet)[0];
    expect(subnet.availableIpAddressCount).toBe('0');
  });

  it('keeps a subnet, its VPC and a group it uses from being deleted until the interface is gone', async () => {
    const emulator = inProcessEmulator();
    const { vpcId, subnetId } = await network(emulator);
    const web = (await body(emulator, { Action: 'CreateSecurityGroup', VpcId: vpcId, GroupName: 'web', GroupDescription: 'web' })).groupId;
    const eni = (await body(emulator, { Action: 'CreateNetworkInterface', SubnetId: subnetId, 'SecurityGroupId.1': web })).networkInterface.networkInterfaceId;
    const deletes: Params[] = [
      { Action: 'DeleteSubnet', SubnetId: subnetId },
      { Action: 'DeleteSecurityGroup', GroupId: web },
      { Action: 'DeleteVpc', VpcId: vpcId },
    ];
    for (const params of deletes) {
      expect((await emulator.call(params)).code).toBe('DependencyViolation');
    }
    await body(emulator, { Action: 'DeleteNetworkInterface', NetworkInterfaceId: eni });
    await body(emulator, { Action: 'DeleteSecurityGroup', GroupId: web });
    await body(emulator, { Action: 'DeleteSubnet', SubnetId: subnetId });
    await body(emulator, { Action: 'DeleteVpc', VpcId: vpcId });
  });

  it('works in a default subnet, where instances take addresses too', async () => {
    const emulator = inProcessEmulator();
    await body(emulator, RUN);
    const subnet = items((await body(emulator, { Action: 'DescribeSubnets', 'Filter.1.Name': 'availability-zone', 'Filter.1.Value.1': 'us-east-1a' })).subnetSet)[0];
    const eni = (await body(emulator, { Action: 'CreateNetworkInterface', SubnetId: subnet.subnetId })).networkInterface;
    expect(eni).toMatchObject({ vpcId: subnet.vpcId, privateIpAddress: '172.31.0.4', availabilityZone: 'us-east-1a' });
  });
});
