// Runs inside the thread emulatorThread.ts starts. It loads the emulator at once (so a thread
// started early loads it while the run loads its own modules), starts it on the first message,
// and closes it on the second.
import { parentPort } from 'node:worker_threads';
import { startEmulator, type RunningEmulator } from '../emulator/server.ts';
import type { EmulatorOptions } from '../emulator/options.ts';
import type { ThreadReport } from './emulatorThread.ts';

const port = parentPort!;
const report = (message: ThreadReport) => port.postMessage(message);
let emulator: RunningEmulator | undefined;

port.on('message', (message: { readonly start: EmulatorOptions } | 'close') => {
  if (message === 'close') {
    void (emulator?.close() ?? Promise.resolve()).finally(() => port.close());
    return;
  }
  startEmulator(message.start).then(
    (started) => {
      emulator = started;
      report({ url: started.url });
    },
    // A bad option names its field (optionChecks.ts); the message is all the run needs to show.
    (error: Error) => report({ failed: error.message }),
  );
});
