// Wire compatibility with the AWS CLI v1 (botocore): its signatures verify and it parses every answer.
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
});
