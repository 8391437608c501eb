import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as a loopback test server received it. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

/** A small HTTP server on 127.0.0.1 with a random port, recording what it receives. */
export interface LoopbackServer {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/** Starts a loopback server answering with `handler`; every request is recorded first. */
export async function startLoopbackServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<LoopbackServer> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
