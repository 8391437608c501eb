import type { NodeSummary } from '../../app/ipc/contract';

/** A Fetch-API handler: the one shape the gateway has on every transport. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** What the gateway serves from. */
export interface GatewayOptions {
  /** Path prefix the gateway is mounted on ('' for garde://gateway, '/gateway' in web mode). */
  basePath: string;
  nodes: () => NodeSummary[];
}

/**
 * The DICOMweb gateway (PS3.18): every configured node seen as one DICOMweb server.
 * `GET <base>/nodes` lists the nodes without secrets.
 */
export function createGateway(options: GatewayOptions): FetchHandler {
  return async function handleGatewayRequest(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname.slice(options.basePath.length) || '/';
    if (request.method === 'GET' && (path === '/nodes' || path === '/nodes/')) {
      return jsonResponse(200, options.nodes());
    }
    return jsonResponse(404, { code: 'NOT_FOUND', message: `No gateway resource at ${path}`, retryable: false });
  };
}

/** A JSON response with the gateway's headers. */
export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}
