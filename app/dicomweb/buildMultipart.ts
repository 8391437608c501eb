import { asciiBytes, concatBytes, indexOfBytes } from './bytes';
import { MultipartError } from './MultipartError';
import { boundaryProblem } from './multipartBoundary';

/** A part to write: header fields (ASCII) and body bytes. */
export interface MultipartPartInput {
  headers?: Record<string, string>;
  body: Uint8Array;
}

/**
 * Builds a multipart body (PS3.18 8.6.1.2, RFC 2046 5.1.1): each part is
 * `--boundary CRLF headers CRLF CRLF body CRLF`, then `--boundary--CRLF`.
 * The Content-Type of the whole message is the caller's (see `formatContentType`).
 *
 * @throws MultipartError for an invalid boundary, a header that is not ASCII or
 *   contains CR/LF, or a body containing the delimiter (`CRLF--boundary`) or
 *   starting with `--boundary` — such a message could not be parsed back.
 */
export function buildMultipart(parts: readonly MultipartPartInput[], boundary: string): Uint8Array {
  const problem = boundaryProblem(boundary);
  if (problem) throw new MultipartError(`invalid boundary: ${problem}`);
  const dashBoundary = asciiBytes(`--${boundary}`);
  const delimiter = asciiBytes(`\r\n--${boundary}`);
  const chunks: Uint8Array[] = [];
  parts.forEach((part, index) => {
    if (indexOfBytes(part.body, delimiter) >= 0 || startsWith(part.body, dashBoundary)) {
      throw new MultipartError(`body of part ${index + 1} contains the boundary; choose another boundary`);
    }
    let head = `--${boundary}\r\n`;
    for (const [name, value] of Object.entries(part.headers ?? {})) {
      if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new MultipartError(`invalid header name ${JSON.stringify(name)} in part ${index + 1}`);
      if (/[\r\n]/.test(value) || /[^\x20-\x7e\t]/.test(value)) throw new MultipartError(`header ${name} of part ${index + 1} must be printable ASCII on one line`);
      head += `${name}: ${value}\r\n`;
    }
    chunks.push(asciiBytes(`${head}\r\n`), part.body, asciiBytes('\r\n'));
  });
  chunks.push(asciiBytes(`--${boundary}--\r\n`));
  return concatBytes(chunks);
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}
