import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import type { UpstreamAgents } from './upstreamAgents';

const MAX_REDIRECTS = 5;
/** A connection silent this long, waiting for an answer or in the middle of one, is dropped. */
const IDLE_TIMEOUT_MS = 300_000;

/** One upstream request of a node. */
export interface UpstreamRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: ReadableStream<Uint8Array> | Uint8Array;
  /** The node's credential header, sent only to `credentialOrigin`. */
  authorization?: string;
  credentialOrigin: string;
  agents: UpstreamAgents;
  signal: AbortSignal;
}

/**
 * Sends a request to a node with Node's HTTP client, following redirects by hand so that the
 * credential goes only to the node's configured origin: a redirect to another origin is followed
 * without it (OHIF's CVE-2026-12473 sent the token wherever it was told). Bodies are not replayed
 * across redirects. The answer's body streams with backpressure; cancelling it (or `signal`)
 * closes the connection. A request on a kept-alive connection the node had just closed is sent
 * once more (GET and HEAD only).
 */
export async function fetchUpstream(req: UpstreamRequest): Promise<Response> {
  let url = new URL(req.url);
  for (let hop = 0; ; hop++) {
    const sameOrigin = url.origin === req.credentialOrigin;
    const headers = { ...req.headers, ...(sameOrigin && req.authorization ? { authorization: req.authorization } : {}) };
    const body = hop === 0 ? req.body : undefined;
    const response = await sendWithRetry(url, req.method, headers, body, sameOrigin ? req.agents : undefined, req.signal);
    const location = response.headers.location;
    const status = response.statusCode ?? 502;
    if (status < 300 || status >= 400 || !location) return toResponse(response, req.method);
    response.resume();
    if (hop >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects from ${req.url}`);
    url = new URL(location, url);
  }
}

async function sendWithRetry(url: URL, method: string, headers: Record<string, string>, body: UpstreamRequest['body'], agents: UpstreamAgents | undefined, signal: AbortSignal): Promise<IncomingMessage> {
  try {
    return await send(url, method, headers, body, agents, signal);
  } catch (error) {
    const stale = (error as { code?: string; reusedSocket?: boolean }).reusedSocket && (error as { code?: string }).code === 'ECONNRESET';
    if (!stale || (method !== 'GET' && method !== 'HEAD') || signal.aborted) throw error;
    return send(url, method, headers, body, agents, signal);
  }
}

function send(url: URL, method: string, headers: Record<string, string>, body: UpstreamRequest['body'], agents: UpstreamAgents | undefined, signal: AbortSignal): Promise<IncomingMessage> {
  const https = url.protocol === 'https:';
  const agent = agents ? (https ? agents.https : agents.http) : undefined;
  return new Promise((resolve, reject) => {
    const request = (https ? httpsRequest : httpRequest)(url, { method, headers, signal, ...(agent ? { agent } : {}) }, resolve);
    request.setNoDelay(true);
    request.setTimeout(IDLE_TIMEOUT_MS, () => request.destroy(new Error(`no data from ${url.host} for ${IDLE_TIMEOUT_MS / 1000} s`)));
    request.on('error', (error) => reject(Object.assign(error, { reusedSocket: request.reusedSocket })));
    if (body instanceof Uint8Array) request.end(body);
    else if (body) Readable.fromWeb(body as unknown as NodeReadableStream<Uint8Array>).once('error', (error) => request.destroy(error)).pipe(request);
    else request.end();
  });
}

/** The answer as a Fetch-API Response whose body streams the node's bytes as they come. */
function toResponse(incoming: IncomingMessage, method: string): Response {
  const headers = new Headers();
  for (let i = 0; i + 1 < incoming.rawHeaders.length; i += 2) headers.append(incoming.rawHeaders[i]!, incoming.rawHeaders[i + 1]!);
  const status = incoming.statusCode ?? 502;
  if (method === 'HEAD' || status === 204 || status === 304) {
    incoming.resume();
    return new Response(null, { status, headers });
  }
  return new Response(Readable.toWeb(incoming) as unknown as ReadableStream<Uint8Array>, { status, headers });
}

/**
 * Bytes with their content coding undone (RFC 9110 8.4.1: gzip, deflate, br; `contentEncoding` is
 * the Content-Encoding header), for the answers the gateway reads before passing them on.
 * @throws Error for an unknown coding or bytes that do not decode.
 */
export function decodeContentCoding(bytes: Uint8Array, contentEncoding: string | null): Uint8Array {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  let out = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const coding of codings.reverse()) {
    if (coding === 'gzip' || coding === 'x-gzip') out = gunzipSync(out);
    else if (coding === 'br') out = brotliDecompressSync(out);
    else if (coding === 'deflate') out = inflateOrRaw(out);
    else throw new Error(`unknown content coding "${coding}"`);
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** `deflate` is zlib-wrapped by the standard, raw in some servers. */
function inflateOrRaw(bytes: Buffer): Buffer {
  try {
    return inflateSync(bytes);
  } catch {
    return inflateRawSync(bytes);
  }
}
