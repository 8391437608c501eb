import type { ErrorCode } from '../../app/ipc/errors';

/**
 * A gateway error response: JSON `{ code, message, retryable }` with an HTTP status.
 * The message is English and names the node and the cause; the UI translates the code.
 */
export function gatewayError(status: number, code: ErrorCode, message: string, retryable = false): Response {
  return new Response(JSON.stringify({ code, message, retryable }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}
