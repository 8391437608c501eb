import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../../app/ipc/dispatch';
import type { Handlers } from '../../app/ipc/contract';
import type { FetchHandler } from '../gateway/createGateway';
import { buildSecurityHeaders } from '../window/securityHeaders';
import { isAllowedHost, isAllowedOrigin } from './hostCheck';
import { readStaticFile } from './serveStatic';
import { SessionAuth } from './sessionAuth';
import { sendFetchResponse, toFetchRequest } from './fetchBridge';

/** What web mode serves. */
export interface WebServerOptions {
  /** 0 picks a free port. */
  port: number;
  token: string;
  rendererDir: string;
  handlers: Handlers;
  gateway: FetchHandler;
  log?: (line: string) => void;
}

/** A running web-mode server. */
export interface WebServer {
  server: Server;
  port: number;
  /** The URL that opens a session in a browser. */
  loginUrl: string;
  close(): Promise<void>;
}

const MAX_API_BODY = 1024 * 1024;

/**
 * Web mode: the renderer build, the contract methods (`POST /api/<method>`) and the DICOMweb
 * gateway (`/gateway/...`) on 127.0.0.1 only, behind a Host check and a session token.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const log = options.log ?? (() => undefined);
  // Known once the server listens (port 0 picks a free port).
  const bound = { port: 0, auth: undefined as SessionAuth | undefined };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`web: ${req.method} ${req.url} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { code: 'INTERNAL', message: 'Internal error', retryable: false });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, bound.port)) {
      log(`web: refused Host header ${JSON.stringify(req.headers.host)}`);
      return sendJson(res, 403, { code: 'UNAUTHORIZED', message: 'Host not allowed', retryable: false });
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (req.method === 'GET' && bound.auth!.matches(url.searchParams.get('token'))) {
      url.searchParams.delete('token');
      res.writeHead(302, { 'set-cookie': bound.auth!.setCookie(), location: url.pathname + url.search });
      return void res.end();
    }
    if (!bound.auth!.isAuthenticated(req.headers.authorization, req.headers.cookie)) {
      log(`web: refused unauthenticated ${req.method} ${url.pathname}`);
      return sendJson(res, 401, {
        code: 'UNAUTHORIZED',
        message: 'Missing or wrong session token: open the URL printed by `npm run web`',
        retryable: false,
      });
    }
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice('/api/'.length));
    if (url.pathname === '/gateway' || url.pathname.startsWith('/gateway/')) {
      // A client that hangs up before the answer is complete cancels the gateway's work for it.
      const hangUp = new AbortController();
      res.once('close', () => res.writableFinished || hangUp.abort(new Error('the client closed the connection')));
      const response = await options.gateway(toFetchRequest(req, `http://127.0.0.1:${bound.port}`, hangUp.signal));
      return sendFetchResponse(response, res);
    }
    return handleStatic(req, res, url.pathname);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, { code: 'BAD_REQUEST', message: 'Use POST', retryable: false });
    if (!isAllowedOrigin(req.headers.origin, bound.port)) {
      return sendJson(res, 403, { code: 'UNAUTHORIZED', message: 'Origin not allowed', retryable: false });
    }
    let request: unknown;
    try {
      const text = await readBody(req, MAX_API_BODY);
      request = text === '' ? undefined : JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return sendJson(res, 400, { ok: false, error: { code: 'BAD_REQUEST', message, retryable: false } });
    }
    const result = await dispatch(options.handlers, method, request);
    sendJson(res, result.ok || result.error.code !== 'UNKNOWN_CHANNEL' ? 200 : 404, result);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { code: 'BAD_REQUEST', message: 'Method not allowed', retryable: false });
    const file = await readStaticFile(options.rendererDir, path === '/' ? '/index.html' : path);
    if (!file) return sendJson(res, 404, { code: 'NOT_FOUND', message: `Not found: ${path}`, retryable: false });
    res.writeHead(200, { ...buildSecurityHeaders(), 'content-type': file.contentType, 'cache-control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  bound.port = port;
  bound.auth = new SessionAuth(options.token, port);
  return {
    server,
    port,
    loginUrl: `http://127.0.0.1:${port}/?token=${encodeURIComponent(options.token)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error(`Request body over ${limit} bytes`));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
