import { GardeError, toErrorData } from './errors';
import { isMethod, type Handlers, type Result } from './contract';

/**
 * Runs one contract call against the handlers and wraps the outcome in a {@link Result}.
 * Shared by the Electron IPC registration and the web-mode HTTP server, so both transports
 * behave the same, including for an unknown method.
 */
export async function dispatch(handlers: Handlers, method: string, request: unknown): Promise<Result<unknown>> {
  if (!isMethod(method)) {
    return { ok: false, error: new GardeError('UNKNOWN_CHANNEL', `Unknown method: ${method}`).toData() };
  }
  try {
    const handler = handlers[method] as (request: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(request) };
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}
