// A tiny EC2-like endpoint for interceptor tests: it counts the requests that reach it and answers
// a small RunInstances document. The path `/slow` answers after 200 ms, anything else after ~1 ms.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const ANSWER_XML =
  '<?xml version="1.0" encoding="UTF-8"?>\n<RunInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">' +
  '<requestId>req-from-server</requestId><reservationId>r-0123456789abcdef0</reservationId>' +
  '<instancesSet><item><instanceId>i-0123456789abcdef0</instanceId></item></instancesSet></RunInstancesResponse>';

export const SLOW_MS = 200;

export interface CountingServer {
  readonly url: string;
  /** Requests received so far (counted when they arrive). */
  readonly received: () => number;
  readonly close: () => Promise<void>;
}

export async function startCountingServer(): Promise<CountingServer> {
  let received = 0;
  const server: Server = createServer((req, res) => {
    received += 1;
    req.resume();
    req.on('end', () => {
      const answer = () => res.writeHead(200, { 'content-type': 'text/xml;charset=UTF-8' }).end(ANSWER_XML);
      setTimeout(answer, req.url === '/slow' ? SLOW_MS : 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => received,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
