import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode } from '../../harness/decode.ts';
import { recordInterceptor } from '../../harness/interceptors/record.ts';
import { createDispatcher, send } from '../../harness/send.ts';
import { Transcript, TranscriptSink } from '../../harness/transcript.ts';

// A scripted endpoint: the path picks the misbehaviour, as undici's own tests do.
function scriptedServer(): Server {
  return createServer((req, res) => {
    req.resume();
    switch (req.url) {
      case '/ok':
        res.writeHead(200, { 'content-type': 'text/xml' }).end('<XResponse><requestId>r1</requestId></XResponse>');
        return;
      case '/hang':
        return; // never answers: the client's timeout must fire
      case '/reset':
        req.socket.destroy();
        return;
      case '/reset-mid-body':
        res.writeHead(200, { 'content-type': 'text/xml', 'content-length': '1000' });
        res.write('<XResponse><requestId>');
        setTimeout(() => req.socket.destroy(), 10);
        return;
      case '/big':
        res.writeHead(200).end('x'.repeat(2048));
        return;
      default:
        res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>bad gateway<br></body></html>');
    }
  });
}

describe('send', () => {
  let server: Server;
  let base: string;
  const dispatcher = createDispatcher();
  beforeAll(async () => {
    server = scriptedServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await dispatcher.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (path: string, timeoutMs = 2000, maxBodyBytes?: number) =>
    send({ method: 'POST', url: `${base}${path}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=X' }, { dispatcher, timeoutMs, maxBodyBytes });

  it('returns the answer', async () => {
    expect(await post('/ok')).toMatchObject({ kind: 'exchange', status: 200, body: '<XResponse><requestId>r1</requestId></XResponse>' });
  });

  it('a hung socket becomes a TIMEOUT transport failure that may have committed', async () => {
    expect(await post('/hang', 200)).toMatchObject({ kind: 'transport-failure', code: 'TIMEOUT', maybeCommitted: true });
  });

  it('a reset becomes a transport failure, before or during the body', async () => {
    expect(await post('/reset')).toMatchObject({ kind: 'transport-failure', maybeCommitted: true });
    expect(await post('/reset-mid-body')).toMatchObject({ kind: 'transport-failure', maybeCommitted: true });
  });

  it('an unreachable endpoint is a failure that certainly never committed', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const outcome = await send({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {}, body: undefined }, { dispatcher });
    expect(outcome).toMatchObject({ kind: 'transport-failure', code: 'ECONNREFUSED', maybeCommitted: false });
  });

  it('cuts an over-size body and says so; an HTML page decodes as malformed', async () => {
    expect(await post('/big', 2000, 100)).toMatchObject({ kind: 'exchange', truncated: true });
    const html = await post('/html');
    expect(html.kind === 'exchange' && decode(html)).toMatchObject({ kind: 'malformed', status: 502 });
  });

  it('the recorder keeps each attempt with secrets redacted, and what the endpoint answered', async () => {
    const sink = new TranscriptSink();
    const recording = createDispatcher({ interceptors: [recordInterceptor(sink)] });
    sink.current = new Transcript();
    await send({ method: 'POST', url: `${base}/ok`, headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDSECRET/x, Signature=abcdef' }, body: 'Action=X' }, { dispatcher: recording });
    await send({ method: 'POST', url: `${base}/reset`, headers: {}, body: 'Action=Y' }, { dispatcher: recording });
    await recording.close();
    const [ok, reset] = sink.current.attempts;
    expect(ok?.request).toMatchObject({ method: 'POST', body: 'Action=X', headers: { authorization: 'AWS4-HMAC-SHA256 Credential=<redacted>/x, Signature=<redacted>' } });
    expect(ok?.response).toEqual({ status: 200, body: '<XResponse><requestId>r1</requestId></XResponse>' });
    expect(reset?.failure?.code).toBeTruthy();
    expect(JSON.stringify(sink.current.attempts)).not.toContain('AKIDSECRET');
  });
});
