// A real emulator on 127.0.0.1:0 for one test, closed when that test finishes.
import { onTestFinished } from 'vitest';
import { startEmulator } from '../../../emulator/server.ts';
import type { EmulatorOptions } from '../../../emulator/options.ts';
import type { RunningEmulator } from '../../../emulator/server.ts';

export const KNOWN_KEY = { accessKeyId: 'AKIDEMULATORTEST', secretAccessKey: 'emulator-test-secret-not-real' };
export const KNOWN_ACCOUNT = '111122223333';

export async function emulatorForTest(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    accounts: { [KNOWN_KEY.accessKeyId]: { accountId: KNOWN_ACCOUNT, secretAccessKey: KNOWN_KEY.secretAccessKey } },
    ...options,
  });
  onTestFinished(() => emulator.close());
  return emulator;
}
