import { asciiBytes, indexOfBytes, latin1String } from './bytes';
import { MultipartError } from './MultipartError';
import { parseContentType } from './parseContentType';
import { boundaryProblem } from './multipartBoundary';

/** One body part of a multipart message: headers (lower-case names) and raw body bytes. */
export interface MultipartPart {
  headers: Record<string, string>;
  body: Uint8Array;
}

/** Options of {@link MultipartParser}. */
export interface MultipartParserOptions {
  /** Largest header block of one part, in bytes (default 64 KiB). */
  maxHeaderBytes?: number;
}

type State = 'preamble' | 'afterDelimiter' | 'headers' | 'body' | 'epilogue';

const CRLF = asciiBytes('\r\n');
const CRLFCRLF = asciiBytes('\r\n\r\n');

/**
 * Incremental multipart parser for DICOMweb multipart/related responses
 * (PS3.18 8.6.1.2; syntax of RFC 2046 5.1.1). Feed the body in chunks of any
 * size with {@link push}; each call returns the parts completed by that chunk.
 * Call {@link end} at the end of the stream: it throws a {@link MultipartError}
 * when the close delimiter (`--boundary--`) was not seen.
 *
 * The preamble and epilogue are ignored. A line starting with `--boundary`
 * but not followed by `--`, optional spaces and CRLF is body data.
 */
export class MultipartParser {
  private buf = new Uint8Array(0);
  private len = 0;
  /** Offset in `buf` where unconsumed data starts. */
  private start = 0;
  private scanFrom = 0;
  private state: State = 'preamble';
  private headers: Record<string, string> = {};
  private partCount = 0;
  private checkedStreamStart = false;
  private readonly dashBoundary: Uint8Array;
  private readonly delimiter: Uint8Array;
  private readonly maxHeaderBytes: number;

  /** @throws MultipartError for a boundary RFC 2046 does not allow. */
  constructor(readonly boundary: string, options: MultipartParserOptions = {}) {
    const problem = boundaryProblem(boundary);
    if (problem) throw new MultipartError(`invalid boundary: ${problem}`);
    this.dashBoundary = asciiBytes(`--${boundary}`);
    this.delimiter = asciiBytes(`\r\n--${boundary}`);
    this.maxHeaderBytes = options.maxHeaderBytes ?? 64 * 1024;
  }

  /**
   * Creates a parser from a response's Content-Type header.
   * @throws MultipartError when it is not multipart or has no boundary.
   */
  static fromContentType(contentType: string, options?: MultipartParserOptions): MultipartParser {
    const parsed = parseContentType(contentType);
    if (!parsed || parsed.type !== 'multipart') throw new MultipartError(`not a multipart Content-Type: ${contentType}`);
    const boundary = parsed.parameters.boundary;
    if (boundary === undefined) throw new MultipartError(`Content-Type has no boundary parameter: ${contentType}`);
    return new MultipartParser(boundary, options);
  }

  /** Whether the close delimiter has been seen. */
  get done(): boolean {
    return this.state === 'epilogue';
  }

  /** Adds a chunk of the body; returns the parts it completed. */
  push(chunk: Uint8Array): MultipartPart[] {
    if (this.state === 'epilogue' || chunk.length === 0) return [];
    this.append(chunk);
    const parts: MultipartPart[] = [];
    while (this.step(parts));
    return parts;
  }

  /** Signals the end of the body. @throws MultipartError when the body was truncated. */
  end(): void {
    switch (this.state) {
      case 'epilogue':
        return;
      case 'preamble':
        throw new MultipartError(`no multipart boundary "--${this.boundary}" found`);
      case 'afterDelimiter':
      case 'headers':
        throw new MultipartError(`truncated multipart body: incomplete headers of part ${this.partCount + 1}`);
      case 'body':
        throw new MultipartError(`truncated multipart body: part ${this.partCount + 1} has no closing boundary (missing "--${this.boundary}--")`);
    }
  }

  /** Makes one step of progress; returns false when more data is needed. */
  private step(parts: MultipartPart[]): boolean {
    switch (this.state) {
      case 'preamble':
        return this.findFirstDelimiter();
      case 'afterDelimiter':
        return this.readDelimiterEnd();
      case 'headers':
        return this.readHeaders();
      case 'body':
        return this.readBody(parts);
      case 'epilogue':
        return false;
    }
  }

  private findFirstDelimiter(): boolean {
    if (!this.checkedStreamStart) {
      // The first delimiter may open the body without a preceding CRLF.
      const prefix = Math.min(this.len, this.dashBoundary.length);
      let matches = true;
      for (let k = 0; k < prefix && matches; k++) matches = this.buf[k] === this.dashBoundary[k];
      if (matches) {
        if (prefix < this.dashBoundary.length) return false;
        const kind = this.delimiterKind(this.dashBoundary.length);
        if (kind === 'incomplete') return false;
        if (kind === 'delimiter') {
          this.checkedStreamStart = true;
          this.start = this.dashBoundary.length;
          this.state = 'afterDelimiter';
          return true;
        }
      }
      this.checkedStreamStart = true;
    }
    for (;;) {
      const at = indexOfBytes(this.buf, this.delimiter, Math.max(this.scanFrom, this.start), this.len);
      if (at < 0) {
        // Preamble bytes that cannot start a delimiter are dropped.
        this.scanFrom = Math.max(this.start, this.len - this.delimiter.length + 1);
        this.start = this.scanFrom;
        return false;
      }
      const kind = this.delimiterKind(at + this.delimiter.length);
      if (kind === 'incomplete') {
        this.start = at;
        this.scanFrom = at;
        return false;
      }
      if (kind === 'data') {
        this.scanFrom = at + 1;
        continue;
      }
      this.start = at + this.delimiter.length;
      this.state = 'afterDelimiter';
      return true;
    }
  }

  /** After `--boundary`: `--` closes; spaces/tabs then CRLF open a part; anything else is not a delimiter. */
  private readDelimiterEnd(): boolean {
    let i = this.start;
    if (i + 2 > this.len) return false;
    if (this.buf[i] === 0x2d && this.buf[i + 1] === 0x2d) {
      this.state = 'epilogue';
      this.release(this.len);
      return false;
    }
    while (i < this.len && (this.buf[i] === 0x20 || this.buf[i] === 0x09)) i++;
    if (i + 2 > this.len) return false;
    if (this.buf[i] === 0x0d && this.buf[i + 1] === 0x0a) {
      this.start = i + 2;
      this.scanFrom = this.start;
      this.headers = {};
      this.state = 'headers';
      return true;
    }
    throw new MultipartError(`malformed boundary line after part ${this.partCount}: expected CRLF or "--" after "--${this.boundary}"`);
  }

  private readHeaders(): boolean {
    if (this.len - this.start >= 2 && this.buf[this.start] === CRLF[0] && this.buf[this.start + 1] === CRLF[1]) {
      this.start += 2;
      this.enterBody();
      return true;
    }
    const at = indexOfBytes(this.buf, CRLFCRLF, Math.max(this.start, this.scanFrom), this.len);
    if (at < 0) {
      if (this.len - this.start > this.maxHeaderBytes) throw new MultipartError(`headers of part ${this.partCount + 1} exceed ${this.maxHeaderBytes} bytes`);
      this.scanFrom = Math.max(this.start, this.len - CRLFCRLF.length + 1);
      return false;
    }
    this.headers = parseHeaderBlock(latin1String(this.buf, this.start, at), this.partCount + 1);
    this.start = at + CRLFCRLF.length;
    this.enterBody();
    return true;
  }

  private enterBody(): void {
    this.scanFrom = this.start;
    this.state = 'body';
  }

  private readBody(parts: MultipartPart[]): boolean {
    for (;;) {
      const at = indexOfBytes(this.buf, this.delimiter, this.scanFrom, this.len);
      if (at < 0) {
        this.scanFrom = Math.max(this.start, this.len - this.delimiter.length + 1);
        return false;
      }
      const after = at + this.delimiter.length;
      const kind = this.delimiterKind(after);
      if (kind === 'incomplete') {
        this.scanFrom = at;
        return false;
      }
      if (kind === 'data') {
        this.scanFrom = at + 1;
        continue;
      }
      parts.push({ headers: this.headers, body: this.buf.slice(this.start, at) });
      this.partCount++;
      this.start = after;
      this.state = 'afterDelimiter';
      return true;
    }
  }

  /** Classifies the bytes after a candidate delimiter without consuming them. */
  private delimiterKind(after: number): 'delimiter' | 'incomplete' | 'data' {
    if (after + 2 > this.len) return 'incomplete';
    if (this.buf[after] === 0x2d && this.buf[after + 1] === 0x2d) return 'delimiter';
    let i = after;
    while (i < this.len && (this.buf[i] === 0x20 || this.buf[i] === 0x09)) i++;
    if (i + 2 > this.len) return 'incomplete';
    return this.buf[i] === 0x0d && this.buf[i + 1] === 0x0a ? 'delimiter' : 'data';
  }

  private append(chunk: Uint8Array): void {
    if (this.len + chunk.length > this.buf.length) {
      const live = this.len - this.start;
      const needed = live + chunk.length;
      if (needed <= this.buf.length) {
        this.buf.copyWithin(0, this.start, this.len);
      } else {
        const grown = new Uint8Array(Math.max(needed * 2, 4096));
        grown.set(this.buf.subarray(this.start, this.len), 0);
        this.buf = grown;
      }
      this.scanFrom = Math.max(0, this.scanFrom - this.start);
      this.len = live;
      this.start = 0;
    }
    this.buf.set(chunk, this.len);
    this.len += chunk.length;
  }

  private release(upTo: number): void {
    this.start = upTo;
    this.scanFrom = upTo;
  }
}

/** Parses `Name: value` lines (obsolete line folding joined with a space). */
function parseHeaderBlock(block: string, partNumber: number): Record<string, string> {
  const headers: Record<string, string> = {};
  let lastName: string | undefined;
  for (const line of block.split('\r\n')) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && lastName !== undefined) {
      headers[lastName] = `${headers[lastName]} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new MultipartError(`malformed header line in part ${partNumber}: ${JSON.stringify(line.slice(0, 80))}`);
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
    lastName = name;
  }
  return headers;
}
