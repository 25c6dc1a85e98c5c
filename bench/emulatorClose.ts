import { Agent, request } from 'undici';
import { startEmulator } from '../emulator/server.ts';

/**
 * How long the in-process emulator takes to close while a client holds an idle keep-alive
 * connection to it (every test file and `npm start` pay this on teardown). Worst of `rounds`, in ms.
 */
export async function emulatorCloseMs(rounds = 5): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    const emulator = await startEmulator();
    // Longer than any close should take, so the connection is still idle and open when close starts.
    const agent = new Agent({ keepAliveTimeout: 10_000 });
    try {
      const response = await request(`${emulator.url}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'Action=DescribeRegions&Version=2016-11-15',
        dispatcher: agent,
      });
      await response.body.text();
      const started = process.hrtime.bigint();
      await emulator.close();
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    } finally {
      await agent.close();
      await emulator.close();
    }
  }
  return Math.max(...times);
}
