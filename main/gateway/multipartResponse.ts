import { randomBytes } from 'node:crypto';
import { buildMultipart, type MultipartPartInput } from '../../app/dicomweb/buildMultipart';
import { formatContentType } from '../../app/dicomweb/parseContentType';

/**
 * A multipart/related response (PS3.18 8.6.1.2) whose `type` parameter is the
 * media type of its parts, with any further `parameters` (e.g. `transfer-syntax`);
 * the body is omitted for HEAD.
 */
export function multipartResponse(parts: readonly MultipartPartInput[], type: string, head = false, parameters: Record<string, string> = {}): Response {
  const boundary = `garde-${randomBytes(16).toString('hex')}`;
  const body = buildMultipart(parts, boundary);
  return new Response(head ? null : (body as Uint8Array<ArrayBuffer>), {
    status: 200,
    headers: {
      'content-type': formatContentType('multipart/related', { type, ...parameters, boundary }),
      'content-length': String(body.byteLength),
      'cache-control': 'no-store',
    },
  });
}

/**
 * A multipart/related response streamed part by part (PS3.18 8.6.1.2): each part is
 * produced only when the client reads, so a whole study is never held in memory.
 * Stops producing when `signal` aborts. Each part is framed by buildMultipart, which
 * refuses a body containing the boundary.
 */
export function streamedMultipartResponse(
  parts: AsyncIterable<MultipartPartInput>,
  type: string,
  options: { head?: boolean; signal?: AbortSignal } = {},
): Response {
  const boundary = `garde-${randomBytes(16).toString('hex')}`;
  const closeLength = `--${boundary}--\r\n`.length;
  const iterator = parts[Symbol.asyncIterator]();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (options.signal?.aborted) {
        await iterator.return?.();
        controller.error(options.signal.reason);
        return;
      }
      const next = await iterator.next();
      if (next.done) {
        controller.enqueue(new TextEncoder().encode(`--${boundary}--\r\n`));
        controller.close();
        return;
      }
      const framed = buildMultipart([next.value], boundary);
      controller.enqueue(framed.subarray(0, framed.length - closeLength));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(options.head ? null : stream, {
    status: 200,
    headers: { 'content-type': formatContentType('multipart/related', { type, boundary }), 'cache-control': 'no-store' },
  });
}

/** An application/dicom+json response (PS3.18 F.2), body omitted for HEAD. */
export function dicomJsonResponse(body: unknown, head = false, headers: Record<string, string> = {}, status = 200): Response {
  const text = JSON.stringify(body);
  return new Response(head ? null : text, {
    status,
    headers: { 'content-type': 'application/dicom+json', 'cache-control': 'no-store', ...headers },
  });
}
