import { describe, expect, it } from 'vitest';
import { inProcessEmulator, items } from '../support/inProcess.ts';
import type { InProcessEmulator, Params } from '../support/inProcess.ts';

const S3 = 'com.amazonaws.us-east-1.s3';

async function vpcWithTable(emulator: InProcessEmulator): Promise<{ vpcId: string; routeTableId: string }> {
  const vpcId = (await emulator.call({ Action: 'CreateVpc', CidrBlock: '10.4.0.0/16' })).body.vpc.vpcId;
  const routeTableId = (await emulator.call({ Action: 'CreateRouteTable', VpcId: vpcId })).body.routeTable.routeTableId;
  return { vpcId, routeTableId };
}

describe('VPC endpoints', () => {
  it('CreateVpcEndpoint answers an available gateway vpcEndpoint with its route tables and the default policy, then clientToken', async () => {
    const emulator = inProcessEmulator();
    const { vpcId, routeTableId } = await vpcWithTable(emulator);
    const answer = await emulator.call({ Action: 'CreateVpcEndpoint', VpcId: vpcId, ServiceName: S3, 'RouteTableId.1': routeTableId, ClientToken: 'e' });
    expect(Object.keys(answer.body)).toEqual(['requestId', 'vpcEndpoint', 'clientToken']);
    expect(answer.body.vpcEndpoint).toEqual({
      vpcEndpointId: expect.stringMatching(/^vpce-[0-9a-f]{17}$/),
      vpcEndpointType: 'Gateway',
      vpcId,
      serviceName: S3,
      state: 'available',
      policyDocument: '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}',
      routeTableIdSet: { item: [routeTableId] },
      subnetIdSet: '',
      groupSet: '',
      privateDnsEnabled: 'false',
      requesterManaged: 'false',
      networkInterfaceIdSet: '',
      dnsEntrySet: '',
      creationTimestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      ownerId: '123456789012',
    });
    const byService = await emulator.call({ Action: 'DescribeVpcEndpoints', 'Filter.1.Name': 'service-name', 'Filter.1.Value.1': S3, 'Filter.2.Name': 'vpc-id', 'Filter.2.Value.1': vpcId });
    expect(items(byService.body.vpcEndpointSet)).toHaveLength(1);
    expect((await emulator.call({ Action: 'DeleteRouteTable', RouteTableId: routeTableId })).code).toBe('DependencyViolation');
    expect((await emulator.call({ Action: 'DeleteVpc', VpcId: vpcId })).code).toBe('DependencyViolation');
    expect((await emulator.call({ Action: 'CreateVpcEndpoint', VpcId: vpcId, ServiceName: S3, 'RouteTableId.1': routeTableId })).code).toBe('RouteAlreadyExists');
  });

  it('DeleteVpcEndpoints deletes what it can and lists the rest as unsuccessful', async () => {
    const emulator = inProcessEmulator();
    const { vpcId } = await vpcWithTable(emulator);
    const id = (await emulator.call({ Action: 'CreateVpcEndpoint', VpcId: vpcId, ServiceName: 'com.amazonaws.us-east-1.dynamodb' })).body.vpcEndpoint.vpcEndpointId;
    const answer = await emulator.call({ Action: 'DeleteVpcEndpoints', 'VpcEndpointId.1': id, 'VpcEndpointId.2': 'vpce-0123456789abcdef0' });
    expect(answer.status).toBe(200);
    expect(items(answer.body.unsuccessful)).toEqual([
      { error: { code: 'InvalidVpcEndpoint.NotFound', message: "The Vpc Endpoint Id 'vpce-0123456789abcdef0' does not exist" }, resourceId: 'vpce-0123456789abcdef0' },
    ]);
    expect((await emulator.call({ Action: 'DescribeVpcEndpoints', 'VpcEndpointId.1': id })).code).toBe('InvalidVpcEndpointId.NotFound');
    expect((await emulator.call({ Action: 'DeleteVpcEndpoints' })).code).toBe('MissingParameter');
    expect((await emulator.call({ Action: 'DeleteVpcEndpoints', 'VpcEndpointId.1': id, DryRun: true })).code).toBe('DryRunOperation');
  });

  it.each<[Record<string, string | undefined>, string]>([
    [{ VpcId: undefined }, 'MissingParameter'],
    [{ ServiceName: undefined }, 'MissingParameter'],
    [{ ServiceName: 'com.amazonaws.us-west-2.s3' }, 'InvalidServiceName'],
    [{ ServiceName: 'com.amazonaws.us-east-1.ec2' }, 'InvalidServiceName'],
    [{ VpcEndpointType: 'Interface' }, 'InvalidParameterValue'],
    [{ VpcEndpointType: 'gateway' }, 'InvalidParameterValue'],
    [{ PolicyDocument: '{not json' }, 'InvalidPolicyDocument'],
    [{ VpcId: 'vpc-0123456789abcdef0' }, 'InvalidVpcID.NotFound'],
    [{ 'RouteTableId.1': 'rtb-0123456789abcdef0' }, 'InvalidRouteTableID.NotFound'],
    [{ 'TagSpecification.1.ResourceType': 'vpc', 'TagSpecification.1.Tag.1.Key': 'k' }, 'InvalidParameterValue'],
  ])('CreateVpcEndpoint refuses %j with %s', async (change, code) => {
    const emulator = inProcessEmulator();
    const { vpcId } = await vpcWithTable(emulator);
    const params = Object.fromEntries(Object.entries({ Action: 'CreateVpcEndpoint', VpcId: vpcId, ServiceName: S3, ...change }).filter(([, value]) => value !== undefined));
    expect((await emulator.call(params as Params)).code).toBe(code);
  });

  it("refuses a route table of another VPC", async () => {
    const emulator = inProcessEmulator();
    const { routeTableId } = await vpcWithTable(emulator);
    const other = (await emulator.call({ Action: 'CreateVpc', CidrBlock: '10.5.0.0/16' })).body.vpc.vpcId;
    expect((await emulator.call({ Action: 'CreateVpcEndpoint', VpcId: other, ServiceName: S3, 'RouteTableId.1': routeTableId })).code).toBe('InvalidParameter');
  });
});
