import { readStaticFile } from '../web/serveStatic';
import type { FetchHandler } from '../gateway/createGateway';
import { buildSecurityHeaders } from '../window/securityHeaders';
import { APP_ORIGIN, GATEWAY_BASE_URL } from '../window/appOrigin';

/**
 * The `garde://` protocol handler: `garde://app/...` serves the renderer build with the security
 * headers, `garde://gateway/...` is the DICOMweb gateway (answered with CORS for the app origin).
 */
export function createAppProtocolHandler(rendererDir: string, gateway: FetchHandler): FetchHandler {
  return async function handleAppProtocol(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.host === 'gateway') {
      const response = await gateway(request);
      const headers = new Headers(response.headers);
      headers.set('access-control-allow-origin', APP_ORIGIN);
      headers.set('cross-origin-resource-policy', 'cross-origin');
      return new Response(response.body, { status: response.status, headers });
    }
    if (url.host !== 'app') return new Response('Not found', { status: 404 });
    const file = await readStaticFile(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: { ...buildSecurityHeaders(GATEWAY_BASE_URL), 'content-type': file.contentType },
    });
  };
}
