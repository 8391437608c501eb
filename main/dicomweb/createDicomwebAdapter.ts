import { buildQidoQuery, parseContentType, parseQidoParams, rewriteBulkDataUris } from '../../app/dicomweb';
import { nodeOrigin, type DicomwebNode } from '../../app/nodes';
import { gatewayError } from '../gateway/gatewayError';
import type { AdapterRequestContext, NodeAdapter } from '../gateway/nodeAdapter';
import { noVault, resolveSecret, type SecretLookup } from '../secrets/resolveSecret';
import { multipartProblem } from './checkMultipart';
import { decodeContentCoding, fetchUpstream } from './fetchUpstream';
import { createUpstreamAgents } from './upstreamAgents';
import { upstreamFailure } from './upstreamFailure';

/** Bodies up to this size are read whole and checked before any byte goes to the renderer. */
const CHECKED_BODY_LIMIT = 64 * 1024 * 1024;
const FORWARDED_REQUEST_HEADERS = ['accept', 'content-type', 'content-length'];
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'content-length', 'content-encoding', 'etag', 'last-modified'];

/**
 * A DICOMweb node behind the gateway (PS3.18): requests are forwarded to its `baseUrl` with its
 * credential and TLS settings; QIDO query strings are re-encoded the way every server reads them;
 * URLs in DICOM JSON answers (BulkDataURI, RetrieveURL) are rewritten to gateway URLs; a garbage
 * or truncated answer becomes a 502 with the reason, never bytes handed on as if sound.
 */
export async function createDicomwebAdapter(node: DicomwebNode, secrets: SecretLookup = noVault): Promise<NodeAdapter> {
  const agents = await createUpstreamAgents(node.tls);
  const origin = nodeOrigin(node);
  const base = node.baseUrl.replace(/\/+$/, '');

  async function authorization(): Promise<string | undefined> {
    const auth = node.auth;
    if (auth.type === 'basic') return `Basic ${Buffer.from(`${auth.username}:${await resolveSecret(auth.password, secrets)}`).toString('base64')}`;
    if (auth.type === 'bearer') return `Bearer ${await resolveSecret(auth.token, secrets)}`;
    return undefined;
  }

  async function send(method: string, url: string, headers: Record<string, string>, body: ReadableStream<Uint8Array> | undefined, signal: AbortSignal): Promise<Response> {
    // JSON answers are read whole here, so they may come compressed; pixel data gains nothing from it.
    const encoding = /json/.test(headers.accept ?? '') ? 'gzip, deflate, br' : 'identity';
    return fetchUpstream({ url, method, headers: { 'accept-encoding': encoding, ...headers }, body, authorization: await authorization(), credentialOrigin: origin, agents, signal });
  }

  return {
    node,
    async fetch(request: Request, context: AdapterRequestContext): Promise<Response> {
      const incoming = new URL(request.url);
      let search = incoming.search;
      if (request.method === 'GET' && /^(studies|series|instances)$|\/(series|instances)$/.test(context.path)) {
        try {
          const query = buildQidoQuery(parseQidoParams(incoming.searchParams.entries()));
          search = query ? `?${query}` : '';
        } catch (error) {
          return gatewayError(400, 'BAD_REQUEST', `Invalid QIDO-RS query: ${(error as Error).message}`);
        }
      }
      const target = request.method === 'POST' && node.stowUrl ? node.stowUrl : `${base}/${context.path}`;
      const headers: Record<string, string> = {};
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = request.headers.get(name);
        if (value) headers[name] = value;
      }
      let upstream: Response;
      try {
        upstream = await send(request.method, target + search, headers, request.body ?? undefined, context.signal);
      } catch (error) {
        return upstreamFailure(node, error, context.signal);
      }
      return relay(upstream, context);
    },
    async ping(signal: AbortSignal): Promise<void> {
      const response = await send('GET', `${base}/studies?limit=1`, { accept: 'application/dicom+json' }, undefined, signal);
      await response.body?.cancel();
      if (response.status === 401 || response.status === 403) throw new Error(`${node.name}: credentials refused (HTTP ${response.status})`);
      if (response.status >= 400) throw new Error(`${node.name}: QIDO-RS answered HTTP ${response.status}`);
    },
    async close(): Promise<void> {
      agents.close();
    },
  };

  async function relay(upstream: Response, context: AdapterRequestContext): Promise<Response> {
    if (upstream.status === 401 || upstream.status === 403) {
      await upstream.body?.cancel();
      return gatewayError(401, 'NODE_AUTH_FAILED', `${node.name} refused the credentials (HTTP ${upstream.status})`);
    }
    if (upstream.status === 404) {
      await upstream.body?.cancel();
      return gatewayError(404, 'NOT_FOUND', `${node.name} has no such resource (${context.path})`);
    }
    if (upstream.status >= 400 && upstream.status < 500 && !/json/.test(upstream.headers.get('content-type') ?? '')) {
      const text = await upstream.text().catch(() => '');
      return gatewayError(502, 'NODE_BAD_RESPONSE', `${node.name} refused the request (HTTP ${upstream.status}${summarize(text)})`);
    }
    if (upstream.status >= 500) {
      const text = await upstream.text().catch(() => '');
      return gatewayError(502, 'NODE_BAD_RESPONSE', `${node.name} failed with HTTP ${upstream.status}${text ? `: ${text.slice(0, 200)}` : ''}`, true);
    }
    const headers = new Headers();
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value) headers.set(name, value);
    }
    if (upstream.status === 204 || !upstream.body) return new Response(null, { status: upstream.status, headers });
    const type = parseContentType(upstream.headers.get('content-type') ?? '');
    const isJson = type?.mediaType === 'application/dicom+json' || type?.mediaType === 'application/json';
    const length = Number(upstream.headers.get('content-length') ?? NaN);
    if (!isJson && !(type?.mediaType === 'multipart/related' && length <= CHECKED_BODY_LIMIT)) {
      return new Response(upstream.body, { status: upstream.status, headers });
    }
    let body: Uint8Array;
    try {
      body = new Uint8Array(await upstream.arrayBuffer());
    } catch (error) {
      return upstreamFailure(node, error, context.signal);
    }
    try {
      body = decodeContentCoding(body, upstream.headers.get('content-encoding'));
    } catch (error) {
      return gatewayError(502, 'NODE_BAD_RESPONSE', `${node.name} sent an answer that cannot be decoded: ${(error as Error).message}`, true);
    }
    // The body passed on is the decoded one.
    if (headers.has('content-encoding')) {
      headers.delete('content-encoding');
      headers.delete('content-length');
    }
    if (isJson && upstream.status < 300) return rewriteJson(body, headers, upstream.status, context);
    if (type?.mediaType === 'multipart/related') {
      const problem = multipartProblem(upstream.headers.get('content-type')!, body);
      if (problem) return gatewayError(502, 'NODE_BAD_RESPONSE', `${node.name} sent a broken multipart answer: ${problem}`, true);
    }
    return new Response(body, { status: upstream.status, headers });
  }

  function rewriteJson(body: Uint8Array, headers: Headers, status: number, context: AdapterRequestContext): Response {
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(body).toString('utf8'));
    } catch (error) {
      return gatewayError(502, 'NODE_BAD_RESPONSE', `${node.name} sent JSON that cannot be read: ${(error as Error).message}`, true);
    }
    const { json: rewritten } = rewriteBulkDataUris(json, [base], context.publicBase);
    headers.delete('content-length');
    headers.delete('content-encoding');
    return new Response(JSON.stringify(rewritten), { status, headers });
  }
}

/** The gist of an error page: its title or first line of text. */
function summarize(text: string): string {
  const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1] ?? text.replace(/<[^>]+>/g, ' ').trim().split('\n')[0] ?? '';
  const gist = title.replace(/\s+/g, ' ').trim().slice(0, 160);
  return gist ? `: ${gist}` : '';
}
