// The fixture actions (VPCs, subnets, security groups) and the defaults every region starts with.
import { describe, expect, it } from 'vitest';
import { RUN, fakeClock, inProcessEmulator, items } from '../support/inProcess.ts';
import type { InProcessEmulator, Params } from '../support/inProcess.ts';

async function body(emulator: InProcessEmulator, params: Params): Promise<any> {
  const answer = await emulator.call(params);
  expect(answer.status, answer.xml).toBe(200);
  return answer.body;
}

const tag = (type: string, value: string): Params => ({ 'TagSpecification.1.ResourceType': type, 'TagSpecification.1.Tag.1.Key': 'fixture', 'TagSpecification.1.Tag.1.Value': value });

async function newVpc(emulator: InProcessEmulator, cidr = '10.0.0.0/16', params: Params = {}): Promise<string> {
  return (await body(emulator, { Action: 'CreateVpc', CidrBlock: cidr, ...params })).vpc.vpcId;
}

describe('the default VPC', () => {
  it('is listed with isDefault true, one default subnet per zone, and a default security group', async () => {
    const emulator = inProcessEmulator();
    const vpcs = items((await body(emulator, { Action: 'DescribeVpcs', 'Filter.1.Name': 'is-default', 'Filter.1.Value.1': 'true' })).vpcSet);
    expect(vpcs).toEqual([
      {
        vpcId: expect.stringMatching(/^vpc-[0-9a-f]{17}$/),
        ownerId: '123456789012',
        state: 'available',
        cidrBlock: '172.31.0.0/16',
        cidrBlockAssociationSet: { item: [{ associationId: expect.stringMatching(/^vpc-cidr-assoc-/), cidrBlock: '172.31.0.0/16', cidrBlockState: { state: 'associated' } }] },
        ipv6CidrBlockAssociationSet: '',
        dhcpOptionsId: expect.stringMatching(/^dopt-/),
        instanceTenancy: 'default',
        isDefault: 'true',
      },
    ]);
    const vpcId = vpcs[0].vpcId;
    const subnets = items((await body(emulator, { Action: 'DescribeSubnets', 'Filter.1.Name': 'default-for-az', 'Filter.1.Value.1': 'true' })).subnetSet);
    expect(subnets.map((s) => [s.availabilityZone, s.availabilityZoneId, s.cidrBlock, s.vpcId, s.defaultForAz, s.mapPublicIpOnLaunch, s.availableIpAddressCount])).toEqual([
      ['us-east-1a', 'use1-az1', '172.31.0.0/20', vpcId, 'true', 'true', '4091'],
      ['us-east-1b', 'use1-az2', '172.31.16.0/20', vpcId, 'true', 'true', '4091'],
      ['us-east-1c', 'use1-az3', '172.31.32.0/20', vpcId, 'true', 'true', '4091'],
    ]);
    expect(subnets[0].subnetArn).toBe(`arn:aws:ec2:us-east-1:123456789012:subnet/${subnets[0].subnetId}`);
    const groups = items((await body(emulator, { Action: 'DescribeSecurityGroups', 'GroupName.1': 'default' })).securityGroupInfo);
    expect(groups).toEqual([
      expect.objectContaining({ groupName: 'default', groupDescription: 'default VPC security group', vpcId, ipPermissions: '' }),
    ]);
    expect(groups[0].ipPermissionsEgress.item[0]).toMatchObject({ ipProtocol: '-1', ipRanges: { item: [{ cidrIp: '0.0.0.0/0' }] } });

    const [instance] = items((await body(emulator, { ...RUN, 'Placement.AvailabilityZone': 'us-east-1b' })).instancesSet);
    expect([instance.subnetId, instance.vpcId, instance.groupSet.item[0].groupId]).toEqual([subnets[1].subnetId, vpcId, groups[0].groupId]);
  });

  it('is separate per region and account, and cannot be deleted while its subnets are in it', async () => {
    const emulator = inProcessEmulator();
    const vpcId = items((await body(emulator, { Action: 'DescribeVpcs' })).vpcSet)[0].vpcId;
    const answer = await emulator.call({ Action: 'DeleteVpc', VpcId: vpcId });
    expect([answer.status, answer.code, answer.body.Errors.Error.Message]).toEqual([400, 'DependencyViolation', `The vpc '${vpcId}' has dependencies and cannot be deleted.`]);
    const west = await emulator.call({ Action: 'DescribeVpcs' }, { headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDANY/20261128/us-west-2/ec2/aws4_request, SignedHeaders=host, Signature=0' } });
    expect(items(west.body.vpcSet).map((vpc) => vpc.vpcId)).not.toContain(vpcId);
  });
});

describe('VPCs', () => {
  it('creates (pending), describes by id, vpc-id and tag (available), and deletes with its default resources', async () => {
    const emulator = inProcessEmulator();
    const created = (await body(emulator, { Action: 'CreateVpc', CidrBlock: '10.1.0.0/16', ...tag('vpc', 'a') })).vpc;
    expect(created).toMatchObject({ state: 'pending', cidrBlock: '10.1.0.0/16', isDefault: 'false', tagSet: { item: [{ key: 'fixture', value: 'a' }] } });
    const other = await newVpc(emulator, '10.2.0.0/16', tag('vpc', 'b'));
    const ids = async (params: Params) => items((await body(emulator, { Action: 'DescribeVpcs', ...params })).vpcSet).map((vpc) => vpc.vpcId);
    expect(await ids({ 'VpcId.1': created.vpcId })).toEqual([created.vpcId]);
    expect(await ids({ 'Filter.1.Name': 'tag:fixture', 'Filter.1.Value.1': 'a' })).toEqual([created.vpcId]);
    expect(await ids({ 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': other })).toEqual([other]);
    expect(await ids({ 'Filter.1.Name': 'is-default', 'Filter.1.Value.1': 'false' })).toEqual([created.vpcId, other]);
    const defaults = await body(emulator, { Action: 'DescribeSecurityGroups', 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': created.vpcId });
    expect(items(defaults.securityGroupInfo).map((group) => group.groupName)).toEqual(['default']);
    expect((await body(emulator, { Action: 'DeleteVpc', VpcId: created.vpcId })).return).toBe('true');
    expect((await emulator.call({ Action: 'DescribeVpcs', 'VpcId.1': created.vpcId })).code).toBe('InvalidVpcID.NotFound');
    expect((await emulator.call({ Action: 'DeleteVpc', VpcId: created.vpcId })).code).toBe('InvalidVpcID.NotFound');
    expect(items((await body(emulator, { Action: 'DescribeSecurityGroups', 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': created.vpcId })).securityGroupInfo)).toEqual([]);
  });

  it.each([
    [{}, 'MissingParameter'],
    [{ CidrBlock: '10.0.0.0/8' }, 'InvalidVpc.Range'],
    [{ CidrBlock: '10.0.0.0/29' }, 'InvalidVpc.Range'],
    [{ CidrBlock: '10.0.0.1/16' }, 'InvalidParameterValue'],
    [{ CidrBlock: 'ten/16' }, 'InvalidParameterValue'],
    [{ CidrBlock: '10.0.0.0/16', InstanceTenancy: 'host' }, 'InvalidParameterValue'],
    [{ CidrBlock: '10.0.0.0/16', ...tag('subnet', 'x') }, 'InvalidParameterValue'],
    [{ CidrBlock: '10.0.0.0/16', DryRun: true }, 'DryRunOperation'],
  ])('CreateVpc refuses %j with %s', async (params, code) => {
    expect((await inProcessEmulator().call({ Action: 'CreateVpc', ...params })).code).toBe(code);
  });

  it('refuses to delete a VPC while anything it holds remains', async () => {
    const emulator = inProcessEmulator();
    const vpcId = await newVpc(emulator);
    const subnetId = (await body(emulator, { Action: 'CreateSubnet', VpcId: vpcId, CidrBlock: '10.0.1.0/24' })).subnet.subnetId;
    const groupId = (await body(emulator, { Action: 'CreateSecurityGroup', VpcId: vpcId, GroupName: 'web', GroupDescription: 'web' })).groupId;
    expect((await emulator.call({ Action: 'DeleteVpc', VpcId: vpcId })).code).toBe('DependencyViolation');
    await body(emulator, { Action: 'DeleteSubnet', SubnetId: subnetId });
    expect((await emulator.call({ Action: 'DeleteVpc', VpcId: vpcId })).code).toBe('DependencyViolation');
    await body(emulator, { Action: 'DeleteSecurityGroup', GroupId: groupId });
    expect((await emulator.call({ Action: 'DeleteVpc', VpcId: vpcId })).status).toBe(200);
  });

  it('hides a new VPC from describe and delete during the listing delay, and refuses subnets in it meanwhile', async () => {
    const clock = fakeClock();
    const emulator = inProcessEmulator({ clock, lifecycle: { listingDelayMs: 50 } });
    const vpcId = await newVpc(emulator);
    expect((await emulator.call({ Action: 'DescribeVpcs', 'VpcId.1': vpcId })).code).toBe('InvalidVpcID.NotFound');
    expect((await emulator.call({ Action: 'CreateSubnet', VpcId: vpcId, CidrBlock: '10.0.0.0/24' })).code).toBe('InvalidVpcID.NotFound');
    expect(items((await body(emulator, { Action: 'DescribeVpcs' })).vpcSet)).toHaveLength(1);
    clock.advance(50);
    expect(items((await body(emulator, { Action: 'DescribeVpcs', 'VpcId.1': vpcId })).vpcSet)).toHaveLength(1);
  });
});

describe('subnets', () => {
  it('creates inside the VPC, describes by vpc-id, tag and default-for-az, and deletes', async () => {
    const emulator = inProcessEmulator();
    const vpcId = await newVpc(emulator);
    const subnet = (await body(emulator, { Action: 'CreateSubnet', VpcId: vpcId, CidrBlock: '10.0.16.0/20', AvailabilityZone: 'us-east-1c', ...tag('subnet', 's') })).subnet;
    expect(subnet).toMatchObject({ vpcId, cidrBlock: '10.0.16.0/20', availabilityZone: 'us-east-1c', availabilityZoneId: 'use1-az3', availableIpAddressCount: '4091', defaultForAz: 'false', state: 'available' });
    const second = (await body(emulator, { Action: 'CreateSubnet', VpcId: vpcId, CidrBlock: '10.0.32.0/24', AvailabilityZoneId: 'use1-az1' })).subnet;
    expect(second.availabilityZone).toBe('us-east-1a');
    const ids = async (params: Params) => items((await body(emulator, { Action: 'DescribeSubnets', ...params })).subnetSet).map((s) => s.subnetId);
    expect(await ids({ 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': vpcId })).toEqual([subnet.subnetId, second.subnetId]);
    expect(await ids({ 'Filter.1.Name': 'tag:fixture', 'Filter.1.Value.1': 's' })).toEqual([subnet.subnetId]);
    expect(await ids({ 'Filter.1.Name': 'default-for-az', 'Filter.1.Value.1': 'false' })).toEqual([subnet.subnetId, second.subnetId]);
    expect(await ids({ 'SubnetId.1': second.subnetId })).toEqual([second.subnetId]);
    expect((await body(emulator, { Action: 'DeleteSubnet', SubnetId: second.subnetId })).return).toBe('true');
    expect((await emulator.call({ Action: 'DescribeSubnets', 'SubnetId.1': second.subnetId })).code).toBe('InvalidSubnetID.NotFound');
    expect((await emulator.call({ Action: 'DeleteSubnet', SubnetId: second.subnetId })).code).toBe('InvalidSubnetID.NotFound');
  });

  it.each([
    [{ CidrBlock: '10.1.0.0/24' }, 'InvalidSubnet.Range'],
    [{ CidrBlock: '10.0.0.0/29' }, 'InvalidSubnet.Range'],
    [{ CidrBlock: '10.0.0.128/25' }, 'InvalidSubnet.Conflict'],
    [{ CidrBlock: '10.0.0.0/16' }, 'InvalidSubnet.Conflict'],
    [{ CidrBlock: '10.0.9.0/24', AvailabilityZone: 'us-west-2a' }, 'InvalidParameterValue'],
    [{ CidrBlock: '10.0.9.0/24', VpcId: 'vpc-0123456789abcdef0' }, 'InvalidVpcID.NotFound'],
    [{ CidrBlock: undefined }, 'MissingParameter'],
  ])('CreateSubnet refuses %j with %s', async (change, code) => {
    const emulator = inProcessEmulator();
    const vpcId = await newVpc(emulator);
    await body(emulator, { Action: 'CreateSubnet', VpcId: vpcId, CidrBlock: '10.0.0.0/24' });
    const params = Object.fromEntries(Object.entries({ Action: 'CreateSubnet', VpcId: vpcId, ...change }).filter(([, value]) => value !== undefined));
    expect((await emulator.call(params as Params)).code).toBe(code);
  });

  it('refuses to delete a subnet with a running instance in it', async () => {
    const emulator = inProcessEmulator();
    const vpcId = await newVpc(emulator);
    const subnetId = (await body(emulator, { Action: 'CreateSubnet', VpcId: vpcId, CidrBlock: '10.0.0.0/24' })).subnet.subnetId;
    const [instance] = items((await body(emulator, { ...RUN, SubnetId: subnetId })).instancesSet);
    expect((await emulator.call({ Action: 'DeleteSubnet', SubnetId: subnetId })).code).toBe('DependencyViolation');
    await body(emulator, { Action: 'TerminateInstances', 'InstanceId.1': instance.instanceId });
    expect((await emulator.call({ Action: 'DeleteSubnet', SubnetId: subnetId })).status).toBe(200);
  });
});

describe('security groups', () => {
  it('creates in the default VPC or a given one, describes by id, name, vpc-id and tag, deletes by id or name', async () => {
    const emulator = inProcessEmulator();
    const vpcId = await newVpc(emulator);
    const created = await body(emulator, { Action: 'CreateSecurityGroup', GroupName: 'web', GroupDescription: 'web tier', ...tag('security-group', 'g') });
    expect(created).toMatchObject({ return: 'true', groupId: expect.stringMatching(/^sg-/), tagSet: { item: [{ key: 'fixture', value: 'g' }] } });
    expect(created.securityGroupArn).toBe(`arn:aws:ec2:us-east-1:123456789012:security-group/${created.groupId}`);
    const inVpc = (await body(emulator, { Action: 'CreateSecurityGroup', GroupName: 'web', GroupDescription: 'same name, other VPC', VpcId: vpcId })).groupId;
    const ids = async (params: Params) => items((await body(emulator, { Action: 'DescribeSecurityGroups', ...params })).securityGroupInfo).map((g) => g.groupId);
    expect(await ids({ 'GroupName.1': 'web' })).toEqual([created.groupId]);
    expect(await ids({ 'GroupId.1': inVpc })).toEqual([inVpc]);
    expect(await ids({ 'Filter.1.Name': 'tag:fixture', 'Filter.1.Value.1': 'g' })).toEqual([created.groupId]);
    expect(await ids({ 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': vpcId, 'Filter.2.Name': 'group-name', 'Filter.2.Value.1': 'web' })).toEqual([inVpc]);
    expect((await emulator.call({ Action: 'CreateSecurityGroup', GroupName: 'web', GroupDescription: 'again' })).code).toBe('InvalidGroup.Duplicate');
    expect(await body(emulator, { Action: 'DeleteSecurityGroup', GroupName: 'web' })).toMatchObject({ return: 'true', groupId: created.groupId });
    expect((await emulator.call({ Action: 'DescribeSecurityGroups', 'GroupName.1': 'web' })).code).toBe('InvalidGroup.NotFound');
    expect((await emulator.call({ Action: 'DeleteSecurityGroup', GroupId: created.groupId })).code).toBe('InvalidGroup.NotFound');
  });

  it.each([
    [{ GroupName: undefined }, 'MissingParameter'],
    [{ GroupDescription: undefined }, 'MissingParameter'],
    [{ GroupName: 'sg-web' }, 'InvalidParameterValue'],
    [{ GroupName: 'default' }, 'InvalidGroup.Reserved'],
    [{ GroupName: 'x'.repeat(256) }, 'InvalidParameterValue'],
    [{ VpcId: 'vpc-0123456789abcdef0' }, 'InvalidVpcID.NotFound'],
  ])('CreateSecurityGroup refuses %j with %s', async (change, code) => {
    const params = Object.fromEntries(Object.entries({ Action: 'CreateSecurityGroup', GroupName: 'web', GroupDescription: 'web', ...change }).filter(([, value]) => value !== undefined));
    expect((await inProcessEmulator().call(params as Params)).code).toBe(code);
  });

  it("refuses to delete a VPC's default group, or a group a running instance uses", async () => {
    const emulator = inProcessEmulator();
    const defaultGroup = items((await body(emulator, { Action: 'DescribeSecurityGroups', 'GroupName.1': 'default' })).securityGroupInfo)[0].groupId;
    expect((await emulator.call({ Action: 'DeleteSecurityGroup', GroupId: defaultGroup })).code).toBe('CannotDelete');
    const groupId = (await body(emulator, { Action: 'CreateSecurityGroup', GroupName: 'app', GroupDescription: 'app' })).groupId;
    const [instance] = items((await body(emulator, { ...RUN, 'SecurityGroupId.1': groupId })).instancesSet);
    expect((await emulator.call({ Action: 'DeleteSecurityGroup', GroupId: groupId })).code).toBe('DependencyViolation');
    await body(emulator, { Action: 'TerminateInstances', 'InstanceId.1': instance.instanceId });
    expect((await emulator.call({ Action: 'DeleteSecurityGroup', GroupId: groupId, DryRun: true })).code).toBe('DryRunOperation');
    expect((await emulator.call({ Action: 'DeleteSecurityGroup', GroupId: groupId })).status).toBe(200);
  });
});
