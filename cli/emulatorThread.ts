// The embedded emulator in a worker thread of its own. A run against it is CPU-bound on both sides
// (signing, verifying, writing and reading XML); in one thread the two take turns, in two they use
// both cores of a small machine. Only plain options cross into the thread: plugins' emulator actions
// are functions, so a run with plugins keeps the emulator in its own thread (embeddedTarget.ts).
import { Worker } from 'node:worker_threads';
import type { EmulatorOptions } from '../emulator/options.ts';

/** What a run needs of its embedded emulator, in a thread or not: where it listens, and a way to stop it. */
export interface EmbeddedEmulator {
  readonly url: string;
  /** Stops the server (and its thread); resolves when that is done. Twice is harmless. */
  close(): Promise<void>;
}

/** Messages from the thread: its URL once it listens, or why it could not start. */
export type ThreadReport = { readonly url: string } | { readonly failed: string };

// dist/ starts the compiled entry. Sources (tests, `npm run dev`) run through tsx, whose hooks a
// thread does not inherit: a two-line bootstrap registers them in the thread, then loads the entry.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const ENTRY = new URL(FROM_SOURCE ? './emulatorThreadEntry.ts' : './emulatorThreadEntry.js', import.meta.url);

function newThread(): Worker {
  if (!FROM_SOURCE) return new Worker(ENTRY);
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(ENTRY.href)}); });`, { eval: true });
}

// A thread started ahead of need: it does not keep the process alive until a run takes it.
let spare: Worker | undefined;

/**
 * Starts a thread now, for a run that will need the embedded emulator soon (`ec2-idem run` with
 * no target): the emulator's modules load while the run loads its own.
 */
export function warmEmulatorThread(): void {
  if (spare) return;
  spare = newThread();
  spare.unref();
}

/** Ends the spare thread if no run took it (a run that turned out to need the emulator in its own thread). */
export async function dropSpareEmulatorThread(): Promise<void> {
  const thread = spare;
  spare = undefined;
  await thread?.terminate();
}

export async function startEmulatorThread(options: EmulatorOptions): Promise<EmbeddedEmulator> {
  const worker = spare ?? newThread();
  spare = undefined;
  worker.ref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const report = new Promise<ThreadReport>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    void exited.then(() => reject(new Error('the embedded emulator thread ended before it listened')));
  });
  worker.postMessage({ start: options });
  const answer = await report;
  if ('failed' in answer) {
    await worker.terminate();
    throw new Error(answer.failed);
  }
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (worker.postMessage('close'), exited);
    return closing;
  };
  return { url: answer.url, close };
}
