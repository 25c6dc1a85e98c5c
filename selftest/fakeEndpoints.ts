// Endpoints that do not speak EC2 (or stop speaking it), started on 127.0.0.1:0 for the tests of
// the suite's verdicts: what a garbage endpoint gets, and how fast.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Listener = (request: IncomingMessage, response: ServerResponse) => void;

export interface RunningFake {
  readonly url: string;
  /** Requests received so far. */
  readonly requests: () => number;
  close(): Promise<void>;
}

/** Serves `listener` on 127.0.0.1; close() also ends hung sockets. */
export async function startFake(listener: Listener): Promise<RunningFake> {
  let requests = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    requests += 1;
    listener(request, response);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const TRUNCATED = '<?xml version="1.0" encoding="UTF-8"?>\n<RunInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r-1</requestId><reservationId>r-1';

/**
 * Every kind of answer that is not EC2, in turn: an HTML 500 page, an empty 200, truncated XML, a
 * plain-text 200, a connection reset, and a request that is never answered.
 */
export const garbage: readonly Listener[] = [
  (_, response) => response.writeHead(500, { 'content-type': 'text/html' }).end('<html><body><h1>500 Internal Server Error</h1></body></html>'),
  (_, response) => response.writeHead(200).end(),
  (_, response) => response.writeHead(200, { 'content-type': 'text/xml' }).end(TRUNCATED),
  (_, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end('OK'),
  (request) => request.socket.destroy(),
  () => {},
];

/** Answers with `garbage` in turn, request after request. */
export function rotatingGarbage(): Listener {
  let next = 0;
  return (request, response) => {
    const answer = garbage[next++ % garbage.length]!;
    request.resume();
    answer(request, response);
  };
}

/** Passes the first `healthy` requests to `listener`, then answers garbage: an endpoint that breaks mid-run. */
export function breaksAfter(healthy: number, listener: Listener): Listener {
  let seen = 0;
  const broken = rotatingGarbage();
  return (request, response) => (seen++ < healthy ? listener(request, response) : broken(request, response));
}
