// Route tables, network ACLs and egress-only gateways: the shapes EC2 answers, the defaults every
// VPC has, and what keeps them (or their VPC) from being deleted.
import { describe, expect, it } from 'vitest';
import { inProcessEmulator, items } from '../support/inProcess.ts';
import type { InProcessEmulator, Params } from '../support/inProcess.ts';

async function body(emulator: InProcessEmulator, params: Params): Promise<any> {
  const answer = await emulator.call(params);
  expect(answer.status, answer.xml).toBe(200);
  return answer.body;
}

async function newVpc(emulator: InProcessEmulator): Promise<string> {
  return (await body(emulator, { Action: 'CreateVpc', CidrBlock: '10.3.0.0/16' })).vpc.vpcId;
}

describe('route tables', () => {
  it('CreateRouteTable answers routeTable with the local route, then clientToken', async () => {
    const emulator = inProcessEmulator();
    const vpcId = await newVpc(emulator);
    const answer = await emulator.call({ Action: 'CreateRouteTable', VpcId: vpcId, ClientToken: 'rt' });
    expect(Object.keys(answer.body)).toEqual(['requestId', 'routeTable', 'clientToken']);
    expect(answer.body.routeTable).toEqual({
      routeTableId: expect.stringMatching(/^rtb-[0-9a-f]{17}$/),
      vpcId,
      ownerId: '123456789012',
      routeSet: { item: [{ destinationCidrBlock: '10.3.0.0/16', gatewayId: 'local', state: 'active', origin: 'CreateRouteTable' }] },
      associationSet: '',
      propagatingVgwSet: '',
    });
  });

  it("lists each VPC's main table, which cannot be deleted; created tables keep the VPC", async () => {
    const emulator = inProcessEmulator();
    const vpcId = await newVpc(emulator);
    const main = items((await body(emulator, { Action: 'DescribeRouteTables', 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': vpcId, 'Filter.2.Name': 'association.main', 'Filter.2.Value.1': 'true' })).routeTableSet);
    expect(main).toHaveLength(1);
    expect(main[0].associationSet.item[0]).toMatchObject({ main: 'true', routeTableId: main[0].routeTableId, associationState: { state: 'associated' } });
    expect((await emulator.call({ Action: 'DeleteRouteTable', RouteTableId: main[0].routeTableId })).code).toBe('DependencyViolation');
    const created = (await body(emulator, { Action: 'CreateRouteTable', VpcId: vpcId })).routeTable.routeTableId;
    expect((await emulator.call({ Action: 'DeleteVpc', VpcId: vpcId })).code).toBe('DependencyViolation');
    await body(emulator, { Action: 'DeleteRouteTable', RouteTableId: created });
    await body(emulator, { Action: 'DeleteVpc', VpcId: vpcId });
    expect((await emulator.call({ Action: 'DescribeRouteTables', 'RouteTableId.1': main[0].routeTableId })).code).toBe('InvalidRouteTableID.NotFound');
  });

  it.each([
    [{}, 'MissingParameter'],
    [{ VpcId: 'vpc-0123456789abcdef0' }, 'InvalidVpcID.NotFound'],
    [{ VpcId: 'vpc-0123456789abcdef0', 'TagSpecification.1.ResourceType': 'vpc', 'TagSpecification.1.Tag.1.Key': 'k' }, 'InvalidParameterValue'],
  ])('CreateRouteTable refuses %j with %s', async (params, code) => {
    expect((await inProcessEmulator().call({ Action: 'CreateRouteTable', ClientToken: 'rt', ...params })).code).toBe(code);
  });
});

describe('network ACLs', () => {
  it('CreateNetworkAcl answers a deny-all networkAcl and clientToken; the default ACL allows all and cannot be deleted', async () => {
    const emulator = inProcessEmulator();
    const vpcId = await newVpc(emulator);
    const answer = await body(emulator, { Action: 'CreateNetworkAcl', VpcId: vpcId, ClientToken: 'acl' });
    expect(answer.clientToken).toBe('acl');
    expect(answer.networkAcl).toEqual({
      networkAclId: expect.stringMatching(/^acl-[0-9a-f]{17}$/),
      vpcId,
      default: 'false',
      entrySet: {
        item: [
          { ruleNumber: '32767', protocol: '-1', ruleAction: 'deny', egress: 'true', cidrBlock: '0.0.0.0/0' },
          { ruleNumber: '32767', protocol: '-1', ruleAction: 'deny', egress: 'false', cidrBlock: '0.0.0.0/0' },
        ],
      },
      associationSet: '',
      ownerId: '123456789012',
    });
    const [defaultAcl] = items((await body(emulator, { Action: 'DescribeNetworkAcls', 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': vpcId, 'Filter.2.Name': 'default', 'Filter.2.Value.1': 'true' })).networkAclSet);
    expect(defaultAcl.entrySet.item.map((entry: any) => [entry.ruleNumber, entry.ruleAction])).toEqual([['100', 'allow'], ['100', 'allow'], ['32767', 'deny'], ['32767', 'deny']]);
    expect((await emulator.call({ Action: 'DeleteNetworkAcl', NetworkAclId: defaultAcl.networkAclId })).code).toBe('InvalidParameterValue');
    expect((await emulator.call({ Action: 'DeleteVpc', VpcId: vpcId })).code).toBe('DependencyViolation');
    expect((await body(emulator, { Action: 'DeleteNetworkAcl', NetworkAclId: answer.networkAcl.networkAclId })).return).toBe('true');
    await body(emulator, { Action: 'DeleteVpc', VpcId: vpcId });
  });
});

describe('egress-only internet gateways', () => {
  it('answers clientToken then the gateway attached to its VPC; delete answers returnCode', async () => {
    const emulator = inProcessEmulator();
    const vpcId = await newVpc(emulator);
    const answer = await emulator.call({ Action: 'CreateEgressOnlyInternetGateway', VpcId: vpcId, ClientToken: 'gw' });
    expect(Object.keys(answer.body)).toEqual(['requestId', 'clientToken', 'egressOnlyInternetGateway']);
    expect(answer.body.egressOnlyInternetGateway).toEqual({
      attachmentSet: { item: [{ state: 'attached', vpcId }] },
      egressOnlyInternetGatewayId: expect.stringMatching(/^eigw-[0-9a-f]{17}$/),
    });
    const id = answer.body.egressOnlyInternetGateway.egressOnlyInternetGatewayId;
    expect((await emulator.call({ Action: 'DeleteVpc', VpcId: vpcId })).code).toBe('DependencyViolation');
    expect((await emulator.call({ Action: 'DescribeEgressOnlyInternetGateways', 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': vpcId })).code).toBe('InvalidParameterValue');
    const deleted = await body(emulator, { Action: 'DeleteEgressOnlyInternetGateway', EgressOnlyInternetGatewayId: id });
    expect(deleted).toEqual({ requestId: expect.any(String), returnCode: 'true' });
    const gone = await emulator.call({ Action: 'DeleteEgressOnlyInternetGateway', EgressOnlyInternetGatewayId: id });
    expect(gone.body.Errors.Error.Message).toBe(`The egress-only internet gateway ID '${id}' does not exist`);
  });
});
