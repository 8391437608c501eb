import { MultipartError } from '../../app/dicomweb/MultipartError';

/** One part of a multipart body: header fields and body bytes (one buffer or consecutive chunks). */
export interface StreamPart {
  headers: Record<string, string>;
  body: Uint8Array | readonly Uint8Array[];
}

const ascii = (text: string): Buffer => Buffer.from(text, 'latin1');
const view = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Whether `needle` occurs in the concatenation of `chunks`, also across two chunks. */
export function chunksContain(chunks: readonly Uint8Array[], needle: Buffer): boolean {
  const keep = needle.length - 1;
  let tail: Buffer = Buffer.alloc(0);
  for (const chunk of chunks) {
    const bytes = view(chunk);
    if (bytes.indexOf(needle) >= 0) return true;
    if (tail.length > 0 && Buffer.concat([tail, bytes.subarray(0, keep)]).indexOf(needle) >= 0) return true;
    tail = bytes.length >= keep ? bytes.subarray(bytes.length - keep) : Buffer.concat([tail, bytes]).subarray(-keep);
  }
  return false;
}

function startsWith(chunks: readonly Uint8Array[], prefix: Buffer): boolean {
  const head: Buffer[] = [];
  let length = 0;
  for (const chunk of chunks) {
    if (length >= prefix.length) break;
    head.push(view(chunk).subarray(0, prefix.length - length));
    length += head[head.length - 1]!.length;
  }
  return Buffer.concat(head).equals(prefix);
}

/**
 * A multipart/related body (PS3.18 8.6.1.2, RFC 2046 5.1.1) as a stream of the parts' own bytes:
 * `--boundary CRLF headers CRLF CRLF body CRLF` per part, then `--boundary--CRLF`. Bodies are not
 * copied into one buffer. The boundary (ours, random) is checked against every body first.
 * @throws MultipartError when a body contains the delimiter or starts with `--boundary`
 */
export function multipartStream(parts: readonly StreamPart[], boundary: string): ReadableStream<Uint8Array> {
  const dashBoundary = ascii(`--${boundary}`);
  const delimiter = ascii(`\r\n--${boundary}`);
  const crlf = ascii('\r\n');
  const chunks: Uint8Array[] = [];
  parts.forEach((part, index) => {
    const body = part.body instanceof Uint8Array ? [part.body] : part.body;
    if (chunksContain(body, delimiter) || startsWith(body, dashBoundary)) {
      throw new MultipartError(`body of part ${index + 1} contains the boundary; choose another boundary`);
    }
    const head = Object.entries(part.headers).reduce((text, [name, value]) => `${text}${name}: ${value}\r\n`, `--${boundary}\r\n`);
    chunks.push(ascii(`${head}\r\n`), ...body, crlf);
  });
  chunks.push(ascii(`--${boundary}--\r\n`));
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
}
