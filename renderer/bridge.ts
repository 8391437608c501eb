import { METHODS, httpPath, type GardeApi, type Method, type Result } from '../app/ipc/contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    garde?: GardeApi;
  }
}

/**
 * The renderer's only way to main. In Electron the preload's `window.garde`; in web mode the same
 * methods over HTTP (`POST /api/<method>`, the session cookie authenticates). Both implement the
 * contract of app/ipc/contract.ts.
 */
export function createBridge(win: Window = window, fetchFn: typeof fetch = fetch.bind(window)): GardeApi {
  if (win.garde) return win.garde;
  return createHttpBridge(fetchFn, '');
}

/** The web-mode transport; `baseUrl` is '' in the page, an absolute URL in tests. */
export function createHttpBridge(fetchFn: typeof fetch, baseUrl: string, headers: Record<string, string> = {}): GardeApi {
  const api: Partial<Record<Method, (request: unknown) => Promise<Result<unknown>>>> = {};
  for (const method of METHODS) {
    api[method] = async function callOverHttp(request: unknown): Promise<Result<unknown>> {
      try {
        const response = await fetchFn(baseUrl + httpPath(method), {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: request === undefined ? '' : JSON.stringify(request),
          credentials: 'same-origin',
        });
        const body = (await response.json()) as Result<unknown> | { code: string; message: string };
        if ('ok' in body) return body;
        return { ok: false, error: { code: response.status === 401 ? 'UNAUTHORIZED' : 'INTERNAL', message: body.message, retryable: false } };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, error: { code: 'NODE_UNREACHABLE', message: `Workstation service unreachable: ${message}`, retryable: true } };
      }
    };
  }
  return api as GardeApi;
}

/** Whether the page runs inside the desktop app. */
export function isElectron(win: Window = window): boolean {
  return win.garde !== undefined;
}
