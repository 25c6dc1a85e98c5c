// Runs inside the thread startEmulatorThread (emulatorThread.ts) starts: the emulator, until told to close.
import { parentPort, workerData } from 'node:worker_threads';
import { startEmulator } from '../emulator/server.ts';
import type { EmulatorOptions } from '../emulator/options.ts';
import type { ThreadReport } from './emulatorThread.ts';

const port = parentPort!;
const report = (message: ThreadReport) => port.postMessage(message);
try {
  const emulator = await startEmulator(workerData as EmulatorOptions);
  port.once('message', () => {
    void emulator.close().finally(() => port.close());
  });
  report({ url: emulator.url });
} catch (error) {
  // A bad option names its field (optionChecks.ts); the message is all the run needs to show.
  report({ failed: (error as Error).message });
  port.close();
}
