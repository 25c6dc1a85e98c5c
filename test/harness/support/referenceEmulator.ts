// The bundled reference emulator on 127.0.0.1:0 with one known key, and a target pointing at it.
import { startEmulator, type RunningEmulator } from '../../../emulator/server.ts';
import { checkTargetConfig, resolveTarget, type ResolvedTarget } from '../../../harness/target.ts';

export const ACCESS_KEY_ID = 'AKIDTEST';
export const SECRET_ACCESS_KEY = 'secret';
export const IMAGE_ID = 'ami-0123456789abcdef0';
export const REGIONS = ['us-east-1', 'us-west-2'] as const;

export async function startReferenceEmulator(): Promise<{ emulator: RunningEmulator; target: ResolvedTarget }> {
  const emulator = await startEmulator({
    regions: [...REGIONS],
    accounts: { [ACCESS_KEY_ID]: { accountId: '111111111111', secretAccessKey: SECRET_ACCESS_KEY } },
    strictAuth: true,
  });
  const target = resolveTarget(
    checkTargetConfig(
      { endpoint: emulator.url, regions: [...REGIONS], imageId: IMAGE_ID, credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY } },
      'test',
    ),
  );
  return { emulator, target };
}
