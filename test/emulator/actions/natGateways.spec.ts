// NAT gateways: the create's answer and its own network interface, what a create refuses, the
// describe filters and pages, the delete lifecycle (deleting, deleted, still listed, then unknown)
// and the subnet and VPC the gateway holds until it is deleted.
import { describe, expect, it } from 'vitest';
import { fakeClock, inProcessEmulator, items } from '../support/inProcess.ts';
import type { InProcessEmulator, Params } from '../support/inProcess.ts';

const LIFECYCLE = { pendingMs: 100, shuttingDownMs: 200, terminatedVisibleMs: 1000 };

async function network(emulator: InProcessEmulator, cidr = '10.0.0.0/24'): Promise<{ vpcId: string; subnetId: string }> {
  const vpcId: string = (await emulator.call({ Action: 'CreateVpc', CidrBlock: '10.0.0.0/16' })).body.vpc.vpcId;
  const subnetId: string = (await emulator.call({ Action: 'CreateSubnet', VpcId: vpcId, CidrBlock: cidr })).body.subnet.subnetId;
  return { vpcId, subnetId };
}

function tagged(key: string, value: string): Params {
  return { 'TagSpecification.1.ResourceType': 'natgateway', 'TagSpecification.1.Tag.1.Key': key, 'TagSpecification.1.Tag.1.Value': value };
}

async function createGateway(emulator: InProcessEmulator, subnetId: string, extra: Params = {}): Promise<any> {
  const answer = await emulator.call({ Action: 'CreateNatGateway', SubnetId: subnetId, ConnectivityType: 'private', ...extra });
  if (answer.status !== 200) throw new Error(`CreateNatGateway failed: ${answer.code} ${answer.xml}`);
  return answer.body;
}

async function described(emulator: InProcessEmulator, params: Params = {}): Promise<any[]> {
  const answer = await emulator.call({ Action: 'DescribeNatGateways', ...params });
  if (answer.status !== 200) throw new Error(`DescribeNatGateways failed: ${answer.code} ${answer.xml}`);
  return items(answer.body.natGatewaySet);
}

describe('CreateNatGateway', () => {
  it('answers clientToken and a pending private natGateway whose interface has the subnet’s first free address', async () => {
    const emulator = inProcessEmulator();
    const { vpcId, subnetId } = await network(emulator);
    const answer = await emulator.call({ Action: 'CreateNatGateway', SubnetId: subnetId, ConnectivityType: 'private', ...tagged('Name', 'nat'), ClientToken: 'nat-token' });
    expect(Object.keys(answer.body)).toEqual(['requestId', 'clientToken', 'natGateway']);
    expect(answer.body.clientToken).toBe('nat-token');
    const gateway = answer.body.natGateway;
    expect(gateway).toEqual({
      createTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
      natGatewayAddressSet: { item: [{ networkInterfaceId: expect.stringMatching(/^eni-[0-9a-f]{17}$/), privateIp: '10.0.0.4', isPrimary: 'true', status: 'succeeded' }] },
      natGatewayId: expect.stringMatching(/^nat-[0-9a-f]{17}$/),
      state: 'pending',
      subnetId,
      vpcId,
      tagSet: { item: [{ key: 'Name', value: 'nat' }] },
      connectivityType: 'private',
    });
    const again = await emulator.call({ Action: 'CreateNatGateway', SubnetId: subnetId, ConnectivityType: 'private', ...tagged('Name', 'nat'), ClientToken: 'nat-token' });
    expect(again.body.natGateway).toEqual(gateway);
    const changed = await emulator.call({ Action: 'CreateNatGateway', SubnetId: subnetId, ConnectivityType: 'private', ...tagged('Name', 'other'), ClientToken: 'nat-token' });
    expect([changed.status, changed.code]).toEqual([400, 'IdempotentParameterMismatch']);
    expect(emulator.handler.stats().creates.CreateNatGateway).toBe(1);
  });

  it('accepts a 64-character token and refuses a 65-character one', async () => {
    const emulator = inProcessEmulator();
    const { subnetId } = await network(emulator);
    const create = { Action: 'CreateNatGateway', SubnetId: subnetId, ConnectivityType: 'private' };
    expect((await emulator.call({ ...create, ClientToken: 'n'.repeat(64) })).status).toBe(200);
    const tooLong = await emulator.call({ ...create, ClientToken: 'n'.repeat(65) });
    expect([tooLong.status, tooLong.code]).toEqual([400, 'InvalidParameterValue']);
  });

  it('creates its own requester-managed interface, in use, which later interfaces do not collide with and which cannot be deleted alone', async () => {
    const emulator = inProcessEmulator();
    const { subnetId } = await network(emulator);
    const gateway = (await createGateway(emulator, subnetId)).natGateway;
    const [address] = items(gateway.natGatewayAddressSet);
    const eni = await emulator.call({ Action: 'DescribeNetworkInterfaces', 'Filter.1.Name': 'interface-type', 'Filter.1.Value.1': 'nat_gateway' });
    expect(items(eni.body.networkInterfaceSet)).toEqual([
      expect.objectContaining({
        networkInterfaceId: address.networkInterfaceId,
        subnetId,
        description: `Interface for NAT Gateway ${gateway.natGatewayId}`,
        requesterManaged: 'true',
        status: 'in-use',
        privateIpAddress: address.privateIp,
        sourceDestCheck: 'false',
        interfaceType: 'nat_gateway',
      }),
    ]);
    const next = await emulator.call({ Action: 'CreateNetworkInterface', SubnetId: subnetId });
    expect(next.body.networkInterface.privateIpAddress).toBe('10.0.0.5');
    const taken = await emulator.call({ Action: 'CreateNetworkInterface', SubnetId: subnetId, PrivateIpAddress: address.privateIp });
    expect(taken.code).toBe('InvalidIPAddress.InUse');
    const removed = await emulator.call({ Action: 'DeleteNetworkInterface', NetworkInterfaceId: address.networkInterfaceId });
    expect([removed.status, removed.code]).toEqual([400, 'InvalidNetworkInterface.InUse']);
  });

  it('takes the asked private address when it is in the subnet and free', async () => {
    const emulator = inProcessEmulator();
    const { subnetId } = await network(emulator);
    const gateway = (await createGateway(emulator, subnetId, { PrivateIpAddress: '10.0.0.50' })).natGateway;
    expect(items(gateway.natGatewayAddressSet)[0].privateIp).toBe('10.0.0.50');
    const outside = await emulator.call({ Action: 'CreateNatGateway', SubnetId: subnetId, ConnectivityType: 'private', PrivateIpAddress: '10.0.1.50' });
    expect([outside.status, outside.code]).toEqual([400, 'InvalidParameterValue']);
    const twice = await emulator.call({ Action: 'CreateNatGateway', SubnetId: subnetId, ConnectivityType: 'private', PrivateIpAddress: '10.0.0.50' });
    expect(twice.code).toBe('InvalidIPAddress.InUse');
  });

  it.each<[string, Record<string, string | number | undefined>, string]>([
    ['no subnet', { SubnetId: undefined }, 'MissingParameter'],
    ['an unknown subnet', { SubnetId: 'subnet-0123456789abcdef0' }, 'InvalidSubnetID.NotFound'],
    ['an unknown connectivity type', { ConnectivityType: 'internal' }, 'InvalidParameterValue'],
    ['a public gateway without an allocation', { ConnectivityType: 'public' }, 'MissingParameter'],
    ['the default (public) type without an allocation', { ConnectivityType: undefined }, 'MissingParameter'],
    ['a public gateway with an allocation the emulator cannot have', { ConnectivityType: 'public', AllocationId: 'eipalloc-0123456789abcdef0' }, 'InvalidAllocationID.NotFound'],
    ['a private gateway with an allocation', { AllocationId: 'eipalloc-0123456789abcdef0' }, 'InvalidParameterCombination'],
    ['a malformed private address', { PrivateIpAddress: '10.0.0.300' }, 'InvalidParameterValue'],
    ['a secondary address count', { SecondaryPrivateIpAddressCount: 2 }, 'InvalidParameterValue'],
    ['secondary addresses', { 'SecondaryPrivateIpAddress.1': '10.0.0.9' }, 'InvalidParameterValue'],
    ['a regional gateway', { AvailabilityMode: 'regional' }, 'InvalidParameterValue'],
    ['tags of another resource type', { 'TagSpecification.1.ResourceType': 'vpc', 'TagSpecification.1.Tag.1.Key': 'k' }, 'InvalidParameterValue'],
  ])('refuses %s (%o) with %s and creates nothing', async (_what, change, code) => {
    const emulator = inProcessEmulator();
    const { subnetId } = await network(emulator);
    const params: Params = { Action: 'CreateNatGateway', SubnetId: subnetId, ConnectivityType: 'private', ClientToken: 'refused' };
    for (const [name, value] of Object.entries(change)) {
      if (value === undefined) delete params[name];
      else params[name] = value;
    }
    const answer = await emulator.call(params);
    expect([answer.status, answer.code]).toEqual([400, code]);
    expect(await described(emulator)).toEqual([]);
    expect(items((await emulator.call({ Action: 'DescribeNetworkInterfaces' })).body.networkInterfaceSet)).toEqual([]);
    // Nothing was bound either: the same token with a valid request creates.
    expect((await emulator.call({ Action: 'CreateNatGateway', SubnetId: subnetId, ConnectivityType: 'private', ClientToken: 'refused' })).status).toBe(200);
  });

  it('answers DryRunOperation without creating or binding the token', async () => {
    const emulator = inProcessEmulator();
    const { subnetId } = await network(emulator);
    const create = { Action: 'CreateNatGateway', SubnetId: subnetId, ConnectivityType: 'private', ClientToken: 'dry' };
    expect((await emulator.call({ ...create, DryRun: true })).code).toBe('DryRunOperation');
    expect(await described(emulator)).toEqual([]);
    expect((await emulator.call(create)).status).toBe(200);
  });
});

describe('DescribeNatGateways', () => {
  it('filters by nat-gateway-id, state, subnet-id and vpc-id (with wildcards), tag:KEY and tag-key, and refuses other names', async () => {
    const clock = fakeClock();
    const emulator = inProcessEmulator({ clock, lifecycle: LIFECYCLE });
    const a = await network(emulator);
    const b = { subnetId: (await emulator.call({ Action: 'CreateSubnet', VpcId: a.vpcId, CidrBlock: '10.0.1.0/24' })).body.subnet.subnetId as string };
    const first = (await createGateway(emulator, a.subnetId, tagged('team', 'blue'))).natGateway.natGatewayId;
    clock.advance(LIFECYCLE.pendingMs);
    const second = (await createGateway(emulator, b.subnetId, tagged('owner', 'green'))).natGateway.natGatewayId;
    const ids = async (filters: Params) => (await described(emulator, filters)).map((gateway) => gateway.natGatewayId);
    const filter = (name: string, ...values: string[]): Params =>
      Object.fromEntries([['Filter.1.Name', name], ...values.map((value, index) => [`Filter.1.Value.${index + 1}`, value])]);
    expect(await ids({})).toEqual([first, second]);
    expect(await ids(filter('nat-gateway-id', second))).toEqual([second]);
    expect(await ids(filter('nat-gateway-id', 'nat-*'))).toEqual([first, second]);
    expect(await ids(filter('state', 'available'))).toEqual([first]);
    expect(await ids(filter('state', 'pend?ng'))).toEqual([second]);
    expect(await ids(filter('subnet-id', b.subnetId))).toEqual([second]);
    expect(await ids(filter('vpc-id', a.vpcId))).toEqual([first, second]);
    expect(await ids(filter('vpc-id', 'nothing', `${a.vpcId.slice(0, 8)}*`))).toEqual([first, second]);
    expect(await ids(filter('vpc-id', 'vpc-*x'))).toEqual([]);
    expect(await ids(filter('tag:team', 'bl*'))).toEqual([first]);
    expect(await ids(filter('tag-key', 'owner'))).toEqual([second]);
    expect(await ids({ ...filter('subnet-id', a.subnetId, b.subnetId), 'Filter.2.Name': 'tag:team', 'Filter.2.Value.1': 'blue' })).toEqual([first]);
    const unknown = await emulator.call({ Action: 'DescribeNatGateways', ...filter('connectivity-type', 'private') });
    expect([unknown.status, unknown.code]).toEqual([400, 'InvalidParameterValue']);
  });

  it('pages with MaxResults from 5 to 1000 and NextToken, in creation order', async () => {
    const emulator = inProcessEmulator();
    const { subnetId } = await network(emulator);
    const created: string[] = [];
    for (let n = 0; n < 7; n += 1) created.push((await createGateway(emulator, subnetId)).natGateway.natGatewayId);
    const first = await emulator.call({ Action: 'DescribeNatGateways', MaxResults: 5 });
    expect(items(first.body.natGatewaySet).map((gateway) => gateway.natGatewayId)).toEqual(created.slice(0, 5));
    expect(first.body.nextToken).toEqual(expect.any(String));
    const rest = await emulator.call({ Action: 'DescribeNatGateways', MaxResults: 5, NextToken: first.body.nextToken });
    expect(items(rest.body.natGatewaySet).map((gateway) => gateway.natGatewayId)).toEqual(created.slice(5));
    expect(rest.body.nextToken).toBeUndefined();
    for (const size of [4, 1001]) expect((await emulator.call({ Action: 'DescribeNatGateways', MaxResults: size })).code).toBe('InvalidParameterValue');
    expect((await emulator.call({ Action: 'DescribeNatGateways', NextToken: 'bogus' })).code).toBe('InvalidPaginationToken');
  });

  it('answers NatGatewayNotFound naming the unknown ids, and DryRunOperation for a valid dry run', async () => {
    const emulator = inProcessEmulator();
    const { subnetId } = await network(emulator);
    const known = (await createGateway(emulator, subnetId)).natGateway.natGatewayId;
    const answer = await emulator.call({ Action: 'DescribeNatGateways', 'NatGatewayId.1': known, 'NatGatewayId.2': 'nat-0123456789abcdef0' });
    expect([answer.status, answer.code]).toEqual([400, 'NatGatewayNotFound']);
    expect(answer.body.Errors.Error.Message).toContain('nat-0123456789abcdef0');
    expect((await emulator.call({ Action: 'DescribeNatGateways', DryRun: true })).code).toBe('DryRunOperation');
  });
});

describe('DeleteNatGateway', () => {
  it('answers natGatewayId; the gateway is deleting, then deleted and still listed, then unknown; its token replays throughout', async () => {
    const clock = fakeClock();
    const emulator = inProcessEmulator({ clock, lifecycle: LIFECYCLE });
    const { subnetId } = await network(emulator);
    const create = { Action: 'CreateNatGateway', SubnetId: subnetId, ConnectivityType: 'private', ClientToken: 'keep' };
    const first = await emulator.call(create);
    const id: string = first.body.natGateway.natGatewayId;
    const eniId: string = items(first.body.natGateway.natGatewayAddressSet)[0].networkInterfaceId;
    const stateNow = async () => (await described(emulator, { 'NatGatewayId.1': id }))[0];
    expect((await stateNow()).state).toBe('pending');
    clock.advance(LIFECYCLE.pendingMs);
    expect((await stateNow()).state).toBe('available');

    expect((await emulator.call({ Action: 'DeleteNatGateway', NatGatewayId: id, DryRun: true })).code).toBe('DryRunOperation');
    expect((await stateNow()).state).toBe('available');
    const deleted = await emulator.call({ Action: 'DeleteNatGateway', NatGatewayId: id });
    expect([deleted.status, Object.keys(deleted.body), deleted.body.natGatewayId]).toEqual([200, ['requestId', 'natGatewayId'], id]);
    expect(await stateNow()).toMatchObject({ state: 'deleting', deleteTime: expect.stringMatching(/Z$/) });
    // The interface goes with the delete.
    expect((await emulator.call({ Action: 'DescribeNetworkInterfaces', 'NetworkInterfaceId.1': eniId })).code).toBe('InvalidNetworkInterfaceID.NotFound');

    clock.advance(LIFECYCLE.shuttingDownMs);
    expect((await stateNow()).state).toBe('deleted');
    expect((await described(emulator, { 'Filter.1.Name': 'state', 'Filter.1.Value.1': 'deleted' })).map((gateway) => gateway.natGatewayId)).toEqual([id]);
    // Deleting again while it is listed succeeds and changes nothing.
    const again = await emulator.call({ Action: 'DeleteNatGateway', NatGatewayId: id });
    expect([again.status, again.body.natGatewayId]).toEqual([200, id]);
    expect((await stateNow()).state).toBe('deleted');

    const replay = await emulator.call(create);
    expect(replay.body.natGateway).toEqual(first.body.natGateway);

    clock.advance(LIFECYCLE.terminatedVisibleMs - 1);
    expect((await stateNow()).state).toBe('deleted');
    clock.advance(1);
    expect((await emulator.call({ Action: 'DescribeNatGateways', 'NatGatewayId.1': id })).code).toBe('NatGatewayNotFound');
    expect((await emulator.call({ Action: 'DeleteNatGateway', NatGatewayId: id })).code).toBe('NatGatewayNotFound');
    expect(await described(emulator)).toEqual([]);
    const late = await emulator.call(create);
    expect(late.body.natGateway).toEqual(first.body.natGateway);
    expect(emulator.handler.stats().creates.CreateNatGateway).toBe(1);
  });

  it('answers NatGatewayNotFound for an unknown id and MissingParameter without one', async () => {
    const emulator = inProcessEmulator();
    const unknown = await emulator.call({ Action: 'DeleteNatGateway', NatGatewayId: 'nat-0123456789abcdef0' });
    expect([unknown.status, unknown.code]).toEqual([400, 'NatGatewayNotFound']);
    expect((await emulator.call({ Action: 'DeleteNatGateway' })).code).toBe('MissingParameter');
  });
});

describe('what a NAT gateway holds', () => {
  it('keeps its subnet and VPC from being deleted until it is deleted, not merely deleting', async () => {
    const clock = fakeClock();
    const emulator = inProcessEmulator({ clock, lifecycle: LIFECYCLE });
    const { vpcId, subnetId } = await network(emulator);
    const id = (await createGateway(emulator, subnetId)).natGateway.natGatewayId;
    const deleteSubnet = async () => (await emulator.call({ Action: 'DeleteSubnet', SubnetId: subnetId })).code;
    expect(await deleteSubnet()).toBe('DependencyViolation');
    expect((await emulator.call({ Action: 'DeleteVpc', VpcId: vpcId })).code).toBe('DependencyViolation');
    await emulator.call({ Action: 'DeleteNatGateway', NatGatewayId: id });
    expect(await deleteSubnet()).toBe('DependencyViolation');
    clock.advance(LIFECYCLE.shuttingDownMs);
    expect(await deleteSubnet()).toBeUndefined();
    expect((await emulator.call({ Action: 'DeleteVpc', VpcId: vpcId })).status).toBe(200);
    // A deleted gateway is still described after its subnet and VPC are gone.
    expect((await described(emulator, { 'NatGatewayId.1': id }))[0]).toMatchObject({ state: 'deleted', subnetId, vpcId });
  });
});
