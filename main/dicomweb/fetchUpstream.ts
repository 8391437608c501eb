import { fetch as undiciFetch, type Agent, type Response as UndiciResponse } from 'undici';

const MAX_REDIRECTS = 5;

/** One upstream request of a node. */
export interface UpstreamRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: ReadableStream<Uint8Array> | Uint8Array;
  /** The node's credential header, sent only to `credentialOrigin`. */
  authorization?: string;
  credentialOrigin: string;
  dispatcher: Agent;
  signal: AbortSignal;
}

/**
 * Sends a request to a node, following redirects by hand so that the credential goes only to the
 * node's configured origin: a redirect to another origin is followed without it (OHIF's
 * CVE-2026-12473 sent the token wherever it was told). Bodies are not replayed across redirects.
 */
export async function fetchUpstream(req: UpstreamRequest): Promise<UndiciResponse> {
  let url = req.url;
  for (let hop = 0; ; hop++) {
    const sameOrigin = new URL(url).origin === req.credentialOrigin;
    const headers = { ...req.headers, ...(sameOrigin && req.authorization ? { authorization: req.authorization } : {}) };
    const response = await undiciFetch(url, {
      method: req.method,
      headers,
      body: hop === 0 ? req.body : undefined,
      redirect: 'manual',
      // The node's own client (client certificate, private CA) serves its origin only.
      ...(sameOrigin ? { dispatcher: req.dispatcher } : {}),
      signal: req.signal,
      ...(req.body && hop === 0 ? { duplex: 'half' as const } : {}),
    });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return response;
    if (hop >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects from ${req.url}`);
    await response.body?.cancel();
    url = new URL(location, url).toString();
  }
}
