import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTargetConfig, loadTargetFile, resolveTarget } from '../../harness/target.ts';

const minimal = { endpoint: 'http://127.0.0.1:4566', regions: ['us-east-1'], imageId: 'ami-12345678' };

describe('checkTargetConfig', () => {
  it('accepts a minimal target and resolves the documented defaults', () => {
    const target = resolveTarget(checkTargetConfig(minimal, 't'));
    expect(target).toMatchObject({
      name: '127.0.0.1:4566',
      profile: 'seed',
      actions: ['RunInstances', 'CreateLaunchTemplate'],
      timeoutMs: 10_000,
      minTokenLength: 1,
      isLoopback: true,
      secondaryCredentials: undefined,
    });
    expect(target.credentials.origin).toBe('aws-default-chain');
    expect(target.regions[0]).toMatchObject({ name: 'us-east-1', imageId: 'ami-12345678' });
  });

  it('applies per-region endpoint and image overrides', () => {
    const target = resolveTarget(
      checkTargetConfig(
        { ...minimal, regions: ['us-east-1', { name: 'eu-west-1', endpoint: 'https://ec2.eu-west-1.amazonaws.com', imageId: 'ami-99999999' }] },
        't',
      ),
    );
    expect(target.regions[1]?.endpoint.href).toBe('https://ec2.eu-west-1.amazonaws.com/');
    expect(target.regions[1]?.imageId).toBe('ami-99999999');
    expect(target.isLoopback).toBe(false);
  });

  it.each([
    [{ ...minimal, endpoint: undefined }, /top level is missing "endpoint"/],
    [{ ...minimal, regoins: ['x'] }, /unknown field "regoins"/],
    [{ ...minimal, regions: ['us-east-1', 'Mars'] }, /field regions\.1 must match pattern/],
    [{ ...minimal, profile: 'lenient' }, /field profile must be one of \["seed","aws-current","strict"\]/],
    [{ ...minimal, credentials: { accessKeyId: 'AKID' } }, /field credentials is missing "secretAccessKey"/],
    [{ ...minimal, actions: ['CreateWidget'] }, /field actions\.0 must be one of/],
    [{ ...minimal, imageId: 'img-1' }, /field imageId must match pattern/],
  ])('names the bad field: %#', (config, message) => {
    expect(() => checkTargetConfig(config, 'target file x.json')).toThrow(message);
  });

  it('never echoes a secret in its error', () => {
    const bad = { ...minimal, credentials: { accessKeyId: 'AKIDSECRETLOOKING', secretAccessKey: 'TOPSECRET', extra: 1 } };
    expect(() => checkTargetConfig(bad, 't')).toThrow(/unknown field "extra"/);
    try {
      checkTargetConfig(bad, 't');
    } catch (error) {
      expect(String(error)).not.toMatch(/TOPSECRET|AKIDSECRETLOOKING/);
    }
  });
});

describe('loadTargetFile', () => {
  it('reports unreadable files and bad JSON with stable codes and the path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ec2idem-target-'));
    await expect(loadTargetFile(join(dir, 'missing.json'))).rejects.toMatchObject({ code: 'EC2IDEM_TARGET_UNREADABLE' });
    await writeFile(join(dir, 'bad.json'), '{ "endpoint": ');
    await expect(loadTargetFile(join(dir, 'bad.json'))).rejects.toMatchObject({ code: 'EC2IDEM_TARGET_INVALID', message: expect.stringMatching(/bad\.json is not valid JSON/) });
    await writeFile(join(dir, 'ok.json'), JSON.stringify(minimal));
    await expect(loadTargetFile(join(dir, 'ok.json'))).resolves.toEqual(minimal);
  });
});
