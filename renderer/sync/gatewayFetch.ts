import { MultipartParser, type MultipartPart } from '../../app/dicomweb';
import { isRetryableStatus, type RetryableError } from '../../app/sync';

/** A failed gateway request, with the boundary's error shape (`{ code, message, retryable }`). */
export class SyncRequestError extends Error implements RetryableError {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'SyncRequestError';
  }
}

/**
 * The error of a non-OK answer whose body is `text`: the gateway's own `{ code, message, retryable }`
 * when it sent one, else judged by its status ({@link isRetryableStatus}); `refusedCode` names a
 * failure that is not retryable (default: NOT_FOUND for a 404, else NODE_BAD_RESPONSE).
 */
export function answerError(status: number, text: string, message: string, refusedCode?: string): SyncRequestError {
  try {
    const body = JSON.parse(text) as Partial<RetryableError>;
    if (typeof body.code === 'string' && typeof body.retryable === 'boolean') return new SyncRequestError(body.code, body.message ?? body.code, body.retryable);
  } catch {
    // Not the gateway's JSON: judged by its status below.
  }
  const retryable = isRetryableStatus(status);
  return new SyncRequestError(retryable ? 'NODE_BAD_RESPONSE' : (refusedCode ?? (status === 404 ? 'NOT_FOUND' : 'NODE_BAD_RESPONSE')), message, retryable);
}

async function responseError(response: Response, url: string): Promise<SyncRequestError> {
  return answerError(response.status, await response.text().catch(() => ''), `HTTP ${response.status} for ${url}`);
}

/** GET with an Accept header; throws {@link SyncRequestError} for a non-OK answer. */
export async function gatewayGet(url: string, accept: string, signal: AbortSignal): Promise<Response> {
  const response = await fetch(url, { headers: { accept }, credentials: 'same-origin', signal });
  if (!response.ok) throw await responseError(response, url);
  return response;
}

/** A DICOM JSON answer (QIDO-RS, WADO-RS metadata); an empty body (204) is an empty list. */
export async function gatewayJson<T>(url: string, signal: AbortSignal, onBytes: (n: number) => void = () => undefined): Promise<T[]> {
  const response = await gatewayGet(url, 'application/dicom+json', signal);
  const text = await response.text();
  onBytes(text.length);
  return text.trim() === '' ? [] : (JSON.parse(text) as T[]);
}

/**
 * Reads a multipart/related answer as it arrives (PS3.18 8.6.1.2): each part is handed to
 * `onPart` as soon as its closing delimiter is read, and awaited before reading on, so what is
 * stored follows what is received. A body cut short throws after the complete parts were handed.
 */
export async function streamMultipart(response: Response, onPart: (part: MultipartPart) => Promise<void>, onBytes: (n: number) => void = () => undefined): Promise<void> {
  const parser = MultipartParser.fromContentType(response.headers.get('content-type') ?? '');
  if (!response.body) throw new SyncRequestError('NODE_BAD_RESPONSE', 'multipart answer without a body', true);
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      onBytes(value.byteLength);
      for (const part of parser.push(value)) await onPart(part);
    }
    parser.end();
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    if (error instanceof SyncRequestError || (error instanceof DOMException && error.name === 'AbortError')) throw error;
    throw new SyncRequestError('NODE_UNREACHABLE', error instanceof Error ? error.message : String(error), true);
  }
}

/** At most `limit` requests in flight; the others wait their turn. */
export class RequestLimiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  /** Runs `task` when a slot is free. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}
