// Wire compatibility with the AWS CLI v1 (botocore): its signatures verify and it parses every answer,
// for RunInstances and for a few of the other token-taking actions.
import { execFile } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/server.ts';
import { KNOWN_ACCOUNT, KNOWN_KEY, emulatorForTest } from './support/running.ts';

const awsOnPath = (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, 'aws')));
if (!awsOnPath) console.warn('Skipping AWS CLI wire tests: `aws` is not on PATH.');

interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

function aws(emulator: RunningEmulator, args: string[]): Promise<CliResult> {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_ACCESS_KEY_ID: KNOWN_KEY.accessKeyId,
    AWS_SECRET_ACCESS_KEY: KNOWN_KEY.secretAccessKey,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/nonexistent/ec2-idem/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/ec2-idem/credentials',
    AWS_MAX_ATTEMPTS: '1',
  };
  const argv = ['ec2', ...args, '--endpoint-url', emulator.url, '--region', 'us-east-1', '--output', 'json'];
  return new Promise((resolve) => {
    execFile('aws', argv, { env, timeout: 20_000 }, (error, stdout, stderr) => {
      const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ exitCode, stdout, stderr });
    });
  });
}

const RUN = ['run-instances', '--client-token', 'cli-token', '--image-id', 'ami-12345678', '--count', '2', '--instance-type', 't3.micro'];

describe.skipIf(!awsOnPath)('AWS CLI against the emulator', () => {
  it('replays run-instances, refuses a mismatch, filters by client-token, terminates', async () => {
    const emulator = await emulatorForTest();
    const [first, second] = await Promise.all([aws(emulator, RUN), aws(emulator, RUN)]);
    expect([first.exitCode, second.exitCode]).toEqual([0, 0]);
    const a = JSON.parse(first.stdout);
    const b = JSON.parse(second.stdout);
    expect(b.ReservationId).toBe(a.ReservationId);
    expect(a.OwnerId).toBe(KNOWN_ACCOUNT);
    expect(a.Instances.map((i: any) => i.ClientToken)).toEqual(['cli-token', 'cli-token']);
    expect(emulator.stats().launches).toBe(2);

    const changed = await aws(emulator, [...RUN.slice(0, -1), 't3.large']);
    expect([254, 255]).toContain(changed.exitCode);
    expect(changed.stderr).toContain('IdempotentParameterMismatch');

    const described = await aws(emulator, ['describe-instances', '--filters', 'Name=client-token,Values=cli-token']);
    const reservations = JSON.parse(described.stdout).Reservations;
    expect(reservations.map((r: any) => r.ReservationId)).toEqual([a.ReservationId]);
    expect(reservations[0].Instances.map((i: any) => i.ClientToken)).toEqual(['cli-token', 'cli-token']);

    const ids = a.Instances.map((i: any) => i.InstanceId);
    const terminated = await aws(emulator, ['terminate-instances', '--instance-ids', ...ids]);
    expect(JSON.parse(terminated.stdout).TerminatingInstances.map((i: any) => i.CurrentState.Name)).toEqual(['shutting-down', 'shutting-down']);
  });

  it('replays create-volume with one client token and finds the volume by tag', async () => {
    const emulator = await emulatorForTest();
    const create = ['create-volume', '--availability-zone', 'us-east-1a', '--size', '8', '--volume-type', 'gp3', '--client-token', 'cli-volume', '--tag-specifications', 'ResourceType=volume,Tags=[{Key=suite,Value=cli}]'];
    const first = await aws(emulator, create);
    const second = await aws(emulator, create);
    expect([first.exitCode, second.exitCode], first.stderr).toEqual([0, 0]);
    const volume = JSON.parse(first.stdout);
    expect(JSON.parse(second.stdout).VolumeId).toBe(volume.VolumeId);
    expect(volume).toMatchObject({ Size: 8, State: 'creating', VolumeType: 'gp3', Iops: 3000 });
    const described = JSON.parse((await aws(emulator, ['describe-volumes', '--filters', 'Name=tag:suite,Values=cli'])).stdout);
    expect(described.Volumes.map((v: any) => v.VolumeId)).toEqual([volume.VolumeId]);
    expect((await aws(emulator, ['delete-volume', '--volume-id', volume.VolumeId])).exitCode).toBe(0);
    const gone = await aws(emulator, ['describe-volumes', '--volume-ids', volume.VolumeId]);
    expect(gone.stderr).toContain('InvalidVolume.NotFound');
  });

  it('replays create-route-table and create-vpc-endpoint, echoing the client token, in a VPC it creates', async () => {
    const emulator = await emulatorForTest();
    const vpcId = JSON.parse((await aws(emulator, ['create-vpc', '--cidr-block', '10.0.0.0/16'])).stdout).Vpc.VpcId;
    const table = ['create-route-table', '--vpc-id', vpcId, '--client-token', 'cli-route-table'];
    const [first, second] = [await aws(emulator, table), await aws(emulator, table)];
    const created = JSON.parse(first.stdout);
    expect(created.ClientToken).toBe('cli-route-table');
    expect(JSON.parse(second.stdout).RouteTable.RouteTableId).toBe(created.RouteTable.RouteTableId);
    const endpoint = ['create-vpc-endpoint', '--vpc-id', vpcId, '--service-name', 'com.amazonaws.us-east-1.s3', '--route-table-ids', created.RouteTable.RouteTableId, '--client-token', 'cli-endpoint'];
    const [a, b] = [JSON.parse((await aws(emulator, endpoint)).stdout), JSON.parse((await aws(emulator, endpoint)).stdout)];
    expect([b.VpcEndpoint.VpcEndpointId, a.ClientToken, a.VpcEndpoint.RouteTableIds]).toEqual([a.VpcEndpoint.VpcEndpointId, 'cli-endpoint', [created.RouteTable.RouteTableId]]);
    const changed = await aws(emulator, [...endpoint.slice(0, 4), 'com.amazonaws.us-east-1.dynamodb', ...endpoint.slice(5)]);
    expect(changed.stderr).toContain('IdempotentParameterMismatch');
    const deleted = JSON.parse((await aws(emulator, ['delete-vpc-endpoints', '--vpc-endpoint-ids', a.VpcEndpoint.VpcEndpointId])).stdout);
    expect(deleted.Unsuccessful).toEqual([]);
  });

  it('replays create-nat-gateway --connectivity-type private, echoing the token; delete-nat-gateway leaves it deleting, then deleted', async () => {
    const emulator = await emulatorForTest();
    const vpcId = JSON.parse((await aws(emulator, ['create-vpc', '--cidr-block', '10.0.0.0/16'])).stdout).Vpc.VpcId;
    const subnetId = JSON.parse((await aws(emulator, ['create-subnet', '--vpc-id', vpcId, '--cidr-block', '10.0.2.0/24'])).stdout).Subnet.SubnetId;
    const create = ['create-nat-gateway', '--subnet-id', subnetId, '--connectivity-type', 'private', '--client-token', 'cli-nat', '--tag-specifications', 'ResourceType=natgateway,Tags=[{Key=suite,Value=cli}]'];
    const [first, second] = [await aws(emulator, create), await aws(emulator, create)];
    expect([first.exitCode, second.exitCode], first.stderr).toEqual([0, 0]);
    const created = JSON.parse(first.stdout);
    expect(created.ClientToken).toBe('cli-nat');
    expect(created.NatGateway).toMatchObject({ SubnetId: subnetId, VpcId: vpcId, State: 'pending', ConnectivityType: 'private', NatGatewayAddresses: [{ PrivateIp: '10.0.2.4', IsPrimary: true }] });
    const id = created.NatGateway.NatGatewayId;
    expect(JSON.parse(second.stdout).NatGateway.NatGatewayId).toBe(id);
    const changed = await aws(emulator, [...create, '--private-ip-address', '10.0.2.9']);
    expect(changed.stderr).toContain('IdempotentParameterMismatch');
    const described = JSON.parse((await aws(emulator, ['describe-nat-gateways', '--filter', 'Name=tag:suite,Values=cli'])).stdout);
    expect(described.NatGateways.map((gateway: any) => gateway.NatGatewayId)).toEqual([id]);
    expect(JSON.parse((await aws(emulator, ['delete-nat-gateway', '--nat-gateway-id', id])).stdout).NatGatewayId).toBe(id);
    const after = JSON.parse((await aws(emulator, ['describe-nat-gateways', '--nat-gateway-ids', id])).stdout);
    // Each CLI call takes about a second, so the emulator's 500 ms of `deleting` may be over already.
    expect(after.NatGateways.map((gateway: any) => gateway.State)).toEqual([expect.stringMatching(/^delet(ing|ed)$/)]);
    const unknown = await aws(emulator, ['delete-nat-gateway', '--nat-gateway-id', 'nat-0123456789abcdef0']);
    expect(unknown.stderr).toContain('NatGatewayNotFound');
  });
});
