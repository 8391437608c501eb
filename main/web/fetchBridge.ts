import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

/**
 * Builds a Fetch-API Request from a Node HTTP request (body streamed, not buffered); `signal`
 * aborts it (the client hung up).
 */
export function toFetchRequest(req: IncomingMessage, origin: string, signal?: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: 'half',
    signal,
  } as RequestInit);
}

/**
 * Writes a Fetch-API Response to a Node HTTP response, streaming its body. When the client hangs
 * up first, the body is cancelled, which ends the upstream request behind it: an answer nobody
 * reads must not keep holding one of the node's connections.
 */
export async function sendFetchResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (!response.body) {
    res.end();
    return;
  }
  const body = Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>);
  // pipeline destroys both ends when either fails or closes early; the failure itself is the client's or the node's, already logged upstream.
  await pipeline(body, res).catch(() => undefined);
}
