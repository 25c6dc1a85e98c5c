import { afterAll } from 'vitest';
import { FaultSchedule, faultInterceptor } from '../../../harness/interceptors/fault.ts';
import { recordInterceptor } from '../../../harness/interceptors/record.ts';
import { createDispatcher } from '../../../harness/send.ts';
import { TranscriptSink } from '../../../harness/transcript.ts';
import { startCountingServer } from './countingServer.ts';

/** A counting server and a client with the fault and recorder interceptors, as a Session stacks them; closed after the file. */
export async function faultyClient() {
  const server = await startCountingServer();
  const schedule = new FaultSchedule();
  const sink = new TranscriptSink();
  const dispatcher = createDispatcher({ interceptors: [faultInterceptor(schedule, sink), recordInterceptor(sink)] });
  afterAll(async () => {
    await dispatcher.close();
    await server.close();
  });
  return { server, schedule, sink, dispatcher };
}
