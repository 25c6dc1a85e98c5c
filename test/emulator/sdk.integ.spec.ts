// Wire compatibility with @aws-sdk/client-ec2: every answer must parse, and signatures verify; each
// token-taking action sent twice with one ClientToken answers the same id.
import {
  CreateEgressOnlyInternetGatewayCommand,
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
  CreateManagedPrefixListCommand,
  CreateNatGatewayCommand,
  CreateNetworkAclCommand,
  CreateNetworkInterfaceCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateTrafficMirrorFilterCommand,
  CreateTrafficMirrorFilterRuleCommand,
  CreateVolumeCommand,
  CreateVpcCommand,
  CreateVpcEndpointCommand,
  DeleteEgressOnlyInternetGatewayCommand,
  DeleteLaunchTemplateCommand,
  DeleteLaunchTemplateVersionsCommand,
  DeleteManagedPrefixListCommand,
  DeleteNatGatewayCommand,
  DeleteNetworkAclCommand,
  DeleteNetworkInterfaceCommand,
  DeleteRouteTableCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteTrafficMirrorFilterCommand,
  DeleteTrafficMirrorFilterRuleCommand,
  DeleteVolumeCommand,
  DeleteVpcCommand,
  DeleteVpcEndpointsCommand,
  DescribeAvailabilityZonesCommand,
  DescribeEgressOnlyInternetGatewaysCommand,
  DescribeInstancesCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeLaunchTemplatesCommand,
  DescribeManagedPrefixListsCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRegionsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeTrafficMirrorFilterRulesCommand,
  DescribeTrafficMirrorFiltersCommand,
  DescribeVolumesCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
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

/** Sends `make()` twice and returns both answers (one ClientToken is inside the input). */
async function twice<T>(make: () => Promise<T>): Promise<[T, T]> {
  return [await make(), await make()];
}

async function network(ec2: EC2Client): Promise<{ vpcId: string; subnetId: string }> {
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'suite', Value: 'sdk' }] }] }));
  const vpcId = vpc.Vpc!.VpcId!;
  const subnet = await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1b' }));
  return { vpcId, subnetId: subnet.Subnet!.SubnetId! };
}

describe('@aws-sdk/client-ec2 against the new token-taking actions', () => {
  it('fixtures: VPCs, subnets and security groups, with the default VPC visible', async () => {
    const ec2 = clientFor(await emulatorForTest());
    const defaults = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }));
    expect(defaults.Vpcs?.map((vpc) => [vpc.IsDefault, vpc.CidrBlock, vpc.OwnerId])).toEqual([[true, '172.31.0.0/16', KNOWN_ACCOUNT]]);
    const defaultSubnets = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }));
    expect(defaultSubnets.Subnets?.map((subnet) => [subnet.AvailabilityZone, subnet.DefaultForAz, subnet.AvailableIpAddressCount])).toEqual([
      ['us-east-1a', true, 4091],
      ['us-east-1b', true, 4091],
      ['us-east-1c', true, 4091],
    ]);
    const { vpcId, subnetId } = await network(ec2);
    expect((await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:suite', Values: ['sdk'] }] }))).Vpcs?.map((vpc) => vpc.VpcId)).toEqual([vpcId]);
    const group = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web', Description: 'web', VpcId: vpcId }));
    const groups = await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [group.GroupId!] }));
    expect(groups.SecurityGroups?.[0]).toMatchObject({ GroupName: 'web', Description: 'web', VpcId: vpcId, IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
    await expect(ec2.send(new DeleteVpcCommand({ VpcId: vpcId }))).rejects.toMatchObject({ name: 'DependencyViolation' });
    await ec2.send(new DeleteSecurityGroupCommand({ GroupId: group.GroupId! }));
    await ec2.send(new DeleteSubnetCommand({ SubnetId: subnetId }));
    await ec2.send(new DeleteVpcCommand({ VpcId: vpcId }));
  });

  it('CreateLaunchTemplateVersion, DescribeLaunchTemplateVersions, DeleteLaunchTemplateVersions', async () => {
    const ec2 = clientFor(await emulatorForTest());
    const template = await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'sdk', LaunchTemplateData: { ImageId: 'ami-12345678' } }));
    const LaunchTemplateId = template.LaunchTemplate!.LaunchTemplateId!;
    const input = { LaunchTemplateId, ClientToken: 'v'.repeat(128), LaunchTemplateData: { InstanceType: 't3.micro' as const, SecurityGroupIds: ['sg-0123456789abcdef0'] } };
    const [first, second] = await twice(() => ec2.send(new CreateLaunchTemplateVersionCommand(input)));
    expect(second.LaunchTemplateVersion).toEqual(first.LaunchTemplateVersion);
    expect(first.LaunchTemplateVersion).toMatchObject({ VersionNumber: 2, DefaultVersion: false, LaunchTemplateData: { InstanceType: 't3.micro', SecurityGroupIds: ['sg-0123456789abcdef0'] } });
    const described = await ec2.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId, Versions: ['$Latest'] }));
    expect(described.LaunchTemplateVersions?.map((version) => version.VersionNumber)).toEqual([2]);
    const deleted = await ec2.send(new DeleteLaunchTemplateVersionsCommand({ LaunchTemplateId, Versions: ['2', '1'] }));
    expect(deleted.SuccessfullyDeletedLaunchTemplateVersions?.map((item) => item.VersionNumber)).toEqual([2]);
    expect(deleted.UnsuccessfullyDeletedLaunchTemplateVersions?.map((item) => item.ResponseError?.Code)).toEqual(['unexpectedError']);
  });

  it('CreateVolume, DescribeVolumes, DeleteVolume', async () => {
    const ec2 = clientFor(await emulatorForTest());
    const input = { AvailabilityZone: 'us-east-1a', Size: 8, VolumeType: 'gp3' as const, ClientToken: 'vol-token', TagSpecifications: [{ ResourceType: 'volume' as const, Tags: [{ Key: 'k', Value: 'v' }] }] };
    const [first, second] = await twice(() => ec2.send(new CreateVolumeCommand(input)));
    expect(second.VolumeId).toBe(first.VolumeId);
    expect(first).toMatchObject({ Size: 8, State: 'creating', VolumeType: 'gp3', Iops: 3000, Throughput: 125, Encrypted: false, Tags: [{ Key: 'k', Value: 'v' }] });
    expect(first.CreateTime).toBeInstanceOf(Date);
    const described = await ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: 'tag:k', Values: ['v'] }] }));
    expect(described.Volumes?.map((volume) => volume.VolumeId)).toEqual([first.VolumeId]);
    await ec2.send(new DeleteVolumeCommand({ VolumeId: first.VolumeId! }));
    await expect(ec2.send(new DescribeVolumesCommand({ VolumeIds: [first.VolumeId!] }))).rejects.toMatchObject({ name: 'InvalidVolume.NotFound' });
  });

  it('CreateNetworkInterface, DescribeNetworkInterfaces, DeleteNetworkInterface', async () => {
    const ec2 = clientFor(await emulatorForTest());
    const { subnetId } = await network(ec2);
    const [first, second] = await twice(() => ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnetId, Description: 'sdk', ClientToken: 'eni-token' })));
    expect(second.NetworkInterface?.NetworkInterfaceId).toBe(first.NetworkInterface?.NetworkInterfaceId);
    expect(first.ClientToken).toBe('eni-token');
    expect(first.NetworkInterface).toMatchObject({ SubnetId: subnetId, PrivateIpAddress: '10.0.1.4', Status: 'pending', PrivateIpAddresses: [{ Primary: true }] });
    const id = first.NetworkInterface!.NetworkInterfaceId!;
    expect((await ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [id] }))).NetworkInterfaces).toHaveLength(1);
    await ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: id }));
    await expect(ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: id }))).rejects.toMatchObject({ name: 'InvalidNetworkInterfaceID.NotFound' });
  });

  it('CreateRouteTable, CreateNetworkAcl, CreateEgressOnlyInternetGateway and their describes and deletes', async () => {
    const ec2 = clientFor(await emulatorForTest());
    const { vpcId } = await network(ec2);
    const [table, tableAgain] = await twice(() => ec2.send(new CreateRouteTableCommand({ VpcId: vpcId, ClientToken: 'rt-token' })));
    expect([tableAgain.RouteTable?.RouteTableId, table.ClientToken]).toEqual([table.RouteTable?.RouteTableId, 'rt-token']);
    expect(table.RouteTable?.Routes).toEqual([{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active', Origin: 'CreateRouteTable' }]);
    const [acl, aclAgain] = await twice(() => ec2.send(new CreateNetworkAclCommand({ VpcId: vpcId, ClientToken: 'acl-token' })));
    expect(aclAgain.NetworkAcl?.NetworkAclId).toBe(acl.NetworkAcl?.NetworkAclId);
    expect(acl.NetworkAcl).toMatchObject({ IsDefault: false, Entries: [{ RuleNumber: 32767, Egress: true }, { RuleNumber: 32767, Egress: false }] });
    const [gateway, gatewayAgain] = await twice(() => ec2.send(new CreateEgressOnlyInternetGatewayCommand({ VpcId: vpcId, ClientToken: 'gw-token' })));
    expect(gatewayAgain.EgressOnlyInternetGateway?.EgressOnlyInternetGatewayId).toBe(gateway.EgressOnlyInternetGateway?.EgressOnlyInternetGatewayId);
    expect(gateway.EgressOnlyInternetGateway?.Attachments).toEqual([{ State: 'attached', VpcId: vpcId }]);
    const tables = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }));
    expect(tables.RouteTables?.map((one) => one.Associations?.[0]?.Main ?? false)).toEqual([true, false]);
    const acls = await ec2.send(new DescribeNetworkAclsCommand({ NetworkAclIds: [acl.NetworkAcl!.NetworkAclId!] }));
    expect(acls.NetworkAcls).toHaveLength(1);
    const gateways = await ec2.send(new DescribeEgressOnlyInternetGatewaysCommand({ EgressOnlyInternetGatewayIds: [gateway.EgressOnlyInternetGateway!.EgressOnlyInternetGatewayId!] }));
    expect(gateways.EgressOnlyInternetGateways).toHaveLength(1);
    await ec2.send(new DeleteRouteTableCommand({ RouteTableId: table.RouteTable!.RouteTableId! }));
    await ec2.send(new DeleteNetworkAclCommand({ NetworkAclId: acl.NetworkAcl!.NetworkAclId! }));
    const deleted = await ec2.send(new DeleteEgressOnlyInternetGatewayCommand({ EgressOnlyInternetGatewayId: gateway.EgressOnlyInternetGateway!.EgressOnlyInternetGatewayId! }));
    expect(deleted.ReturnCode).toBe(true);
  });

  it('CreateManagedPrefixList, DescribeManagedPrefixLists, DeleteManagedPrefixList', async () => {
    const ec2 = clientFor(await emulatorForTest());
    const input = { PrefixListName: 'sdk', MaxEntries: 2, AddressFamily: 'IPv4', Entries: [{ Cidr: '192.0.2.0/24', Description: 'doc' }], ClientToken: 'p'.repeat(255) };
    const [first, second] = await twice(() => ec2.send(new CreateManagedPrefixListCommand(input)));
    expect(second.PrefixList?.PrefixListId).toBe(first.PrefixList?.PrefixListId);
    expect(first.PrefixList).toMatchObject({ State: 'create-in-progress', Version: 1, MaxEntries: 2, OwnerId: KNOWN_ACCOUNT });
    const id = first.PrefixList!.PrefixListId!;
    expect((await ec2.send(new DescribeManagedPrefixListsCommand({ PrefixListIds: [id] }))).PrefixLists?.map((list) => list.PrefixListName)).toEqual(['sdk']);
    expect((await ec2.send(new DeleteManagedPrefixListCommand({ PrefixListId: id }))).PrefixList?.State).toBe('delete-in-progress');
  });

  it('CreateTrafficMirrorFilter and CreateTrafficMirrorFilterRule, their describes and deletes', async () => {
    const ec2 = clientFor(await emulatorForTest());
    const [filter, filterAgain] = await twice(() => ec2.send(new CreateTrafficMirrorFilterCommand({ Description: 'sdk', ClientToken: 'tmf-token' })));
    const TrafficMirrorFilterId = filter.TrafficMirrorFilter!.TrafficMirrorFilterId!;
    expect([filterAgain.TrafficMirrorFilter?.TrafficMirrorFilterId, filter.ClientToken]).toEqual([TrafficMirrorFilterId, 'tmf-token']);
    const rule = {
      TrafficMirrorFilterId,
      TrafficDirection: 'ingress' as const,
      RuleNumber: 100,
      RuleAction: 'accept' as const,
      Protocol: 6,
      DestinationPortRange: { FromPort: 443, ToPort: 443 },
      DestinationCidrBlock: '10.0.0.0/8',
      SourceCidrBlock: '0.0.0.0/0',
      ClientToken: 'tmfr-token',
    };
    const [created, createdAgain] = await twice(() => ec2.send(new CreateTrafficMirrorFilterRuleCommand(rule)));
    const ruleId = created.TrafficMirrorFilterRule!.TrafficMirrorFilterRuleId!;
    expect(createdAgain.TrafficMirrorFilterRule?.TrafficMirrorFilterRuleId).toBe(ruleId);
    expect(created.TrafficMirrorFilterRule).toMatchObject({ RuleNumber: 100, Protocol: 6, DestinationPortRange: { FromPort: 443, ToPort: 443 } });
    const filters = await ec2.send(new DescribeTrafficMirrorFiltersCommand({ TrafficMirrorFilterIds: [TrafficMirrorFilterId] }));
    expect(filters.TrafficMirrorFilters?.[0]?.IngressFilterRules?.map((one) => one.TrafficMirrorFilterRuleId)).toEqual([ruleId]);
    const rules = await ec2.send(new DescribeTrafficMirrorFilterRulesCommand({ TrafficMirrorFilterId }));
    expect(rules.TrafficMirrorFilterRules?.map((one) => one.TrafficMirrorFilterRuleId)).toEqual([ruleId]);
    expect((await ec2.send(new DeleteTrafficMirrorFilterRuleCommand({ TrafficMirrorFilterRuleId: ruleId }))).TrafficMirrorFilterRuleId).toBe(ruleId);
    expect((await ec2.send(new DeleteTrafficMirrorFilterCommand({ TrafficMirrorFilterId }))).TrafficMirrorFilterId).toBe(TrafficMirrorFilterId);
  });

  it('CreateVpcEndpoint, DescribeVpcEndpoints, DeleteVpcEndpoints', async () => {
    const ec2 = clientFor(await emulatorForTest());
    const { vpcId } = await network(ec2);
    const table = await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }));
    const input = { VpcId: vpcId, VpcEndpointType: 'Gateway' as const, ServiceName: 'com.amazonaws.us-east-1.s3', RouteTableIds: [table.RouteTable!.RouteTableId!], ClientToken: 'vpce-token' };
    const [first, second] = await twice(() => ec2.send(new CreateVpcEndpointCommand(input)));
    const id = first.VpcEndpoint!.VpcEndpointId!;
    expect([second.VpcEndpoint?.VpcEndpointId, first.ClientToken]).toEqual([id, 'vpce-token']);
    expect(first.VpcEndpoint).toMatchObject({ State: 'available', RouteTableIds: input.RouteTableIds, VpcEndpointType: 'Gateway' });
    expect(first.VpcEndpoint?.CreationTimestamp).toBeInstanceOf(Date);
    expect((await ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [id] }))).VpcEndpoints).toHaveLength(1);
    const deleted = await ec2.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [id, 'vpce-0123456789abcdef0'] }));
    expect(deleted.Unsuccessful?.map((item) => [item.ResourceId, item.Error?.Code])).toEqual([['vpce-0123456789abcdef0', 'InvalidVpcEndpoint.NotFound']]);
  });

  it('CreateNatGateway, DescribeNatGateways, DeleteNatGateway', async () => {
    const ec2 = clientFor(await emulatorForTest());
    const { vpcId, subnetId } = await network(ec2);
    const input = {
      SubnetId: subnetId,
      ConnectivityType: 'private' as const,
      ClientToken: 'nat-token',
      TagSpecifications: [{ ResourceType: 'natgateway' as const, Tags: [{ Key: 'suite', Value: 'sdk' }] }],
    };
    const [first, second] = await twice(() => ec2.send(new CreateNatGatewayCommand(input)));
    const id = first.NatGateway!.NatGatewayId!;
    expect([second.NatGateway?.NatGatewayId, first.ClientToken]).toEqual([id, 'nat-token']);
    expect(first.NatGateway).toMatchObject({ SubnetId: subnetId, VpcId: vpcId, State: 'pending', ConnectivityType: 'private', Tags: [{ Key: 'suite', Value: 'sdk' }] });
    expect(first.NatGateway?.CreateTime).toBeInstanceOf(Date);
    expect(first.NatGateway?.NatGatewayAddresses).toEqual([{ NetworkInterfaceId: expect.stringMatching(/^eni-/), PrivateIp: '10.0.1.4', IsPrimary: true, Status: 'succeeded' }]);
    expect(await errorOf(ec2.send(new CreateNatGatewayCommand({ ...input, PrivateIpAddress: '10.0.1.99' })))).toEqual({ name: 'IdempotentParameterMismatch', status: 400 });
    const described = await ec2.send(new DescribeNatGatewaysCommand({ Filter: [{ Name: 'tag:suite', Values: ['sdk'] }] }));
    expect(described.NatGateways?.map((gateway) => gateway.NatGatewayId)).toEqual([id]);
    expect((await ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: id }))).NatGatewayId).toBe(id);
    const deleting = await ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [id] }));
    expect(deleting.NatGateways?.[0]).toMatchObject({ State: 'deleting', DeleteTime: expect.any(Date) });
    await expect(ec2.send(new DeleteSubnetCommand({ SubnetId: subnetId }))).rejects.toMatchObject({ name: 'DependencyViolation' });
    await expect(ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: ['nat-0123456789abcdef0'] }))).rejects.toMatchObject({ name: 'NatGatewayNotFound' });
  });
});
