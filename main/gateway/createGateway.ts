import { DicomwebPathError, parseDicomwebPath, type DicomwebResource } from '../../app/dicomweb/parseDicomwebPath';
import { nodeDicomwebBase, parseGatewayPath, type GatewayResource } from '../../app/dicomweb/gatewayPaths';
import { QidoParamError } from '../../app/dicomweb';
import { federatedSearch } from './federatedSearch';
import type { GatewayAudit } from './gatewayAudit';
import { gatewayError } from './gatewayError';
import type { NodeRegistry } from './nodeRegistry';
import { withTimeout } from './withTimeout';
import { answerScreening, type ScreeningServiceOptions } from '../screening/screeningService';

/** A Fetch-API handler: the one shape the gateway has on every transport. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** What the gateway serves from. */
export interface GatewayOptions {
  /** Path prefix the gateway is mounted on ('' for garde://gateway, '/gateway' in web mode). */
  basePath: string;
  registry: NodeRegistry;
  audit?: GatewayAudit;
  /** Per-node time limit of a federated search (default 10 s). */
  searchTimeoutMs?: number;
  /** Per-request time limit to the first byte of a node's answer (default: the node's timeoutMs or 30 s). */
  requestTimeoutMs?: number;
  log?: (line: string) => void;
  /** Screening double reading: the service, and the withholding of reads from the DICOMweb routes. */
  screening?: ScreeningServiceOptions;
}

/**
 * The DICOMweb gateway (PS3.18): every configured node seen as one DICOMweb server.
 * - `GET <base>/nodes`: the nodes, their kind and last known reachability, no secret;
 * - `GET <base>/nodes/<id>/ping`: checks one node now;
 * - `<base>/nodes/<id>/dicom-web/...`: QIDO-RS, WADO-RS, STOW-RS on that node;
 * - `GET <base>/search/studies?<QIDO keys>`: study search on every node at once;
 * - `GET <base>/nodes/<id>/screening/...`: screening cases and reads, under the blinding rules.
 * Every search, retrieve, store and refused credential is audited.
 */
export function createGateway(options: GatewayOptions): FetchHandler {
  const { registry } = options;
  const log = options.log ?? (() => undefined);

  return async function handleGatewayRequest(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const root = `${url.protocol}//${url.host}${options.basePath}`;
    const path = url.pathname.slice(options.basePath.length) || '/';
    const publicBase = (nodeId: string) => nodeDicomwebBase(root, nodeId);
    let target: GatewayResource;
    try {
      target = parseGatewayPath(path);
    } catch {
      return gatewayError(404, 'NOT_FOUND', `No gateway resource at ${path}`);
    }

    if (target.kind === 'nodes') {
      if (request.method !== 'GET') return gatewayError(405, 'BAD_REQUEST', 'Use GET');
      return json(200, registry.all().map((a) => ({ id: a.node.id, name: a.node.name, kind: a.node.kind, ...registry.state(a.node.id) })));
    }
    if (target.kind === 'federated-search') {
      if (request.method !== 'GET') return gatewayError(405, 'BAD_REQUEST', 'Use GET');
      try {
        const result = await federatedSearch(registry, url.searchParams, publicBase, options.searchTimeoutMs ?? 10_000, request.signal);
        options.audit?.learn(result.results.map((r) => r.study));
        await Promise.all(result.nodes.map((n) => options.audit?.record({ nodeId: n.nodeId, resource: { kind: 'federated-search' }, status: n.ok ? 200 : 502, detail: n.error?.message })));
        return json(200, result);
      } catch (error) {
        if (error instanceof QidoParamError) return gatewayError(400, 'BAD_REQUEST', `Invalid QIDO-RS query: ${error.message}`);
        throw error;
      }
    }
    const adapter = registry.get(target.nodeId);
    if (!adapter) return gatewayError(404, 'NODE_UNKNOWN', `No node with id "${target.nodeId}"`);
    const timeoutMs = options.requestTimeoutMs ?? ('timeoutMs' in adapter.node ? adapter.node.timeoutMs : 30_000);

    if (target.kind === 'ping') {
      const started = performance.now();
      try {
        await withTimeout(timeoutMs, request.signal, (signal) => adapter.ping(signal));
        registry.markReachable(adapter.node.id, true);
        return json(200, { ok: true, ms: Math.round(performance.now() - started) });
      } catch (error) {
        const message = `${adapter.node.name}: ${(error as Error).message}`;
        registry.markReachable(adapter.node.id, false, message);
        return json(200, { ok: false, ms: Math.round(performance.now() - started), error: message });
      }
    }
    if (target.kind === 'screening') {
      if (request.method !== 'GET') return gatewayError(405, 'BAD_REQUEST', 'Use GET');
      if (!options.screening) return gatewayError(404, 'NOT_FOUND', 'No screening service on this gateway');
      const screening = options.screening;
      const { StudyInstanceUID } = target;
      let response: Response;
      try {
        response = await withTimeout(timeoutMs, request.signal, (signal) => answerScreening(adapter, target, url, publicBase(adapter.node.id), signal, screening));
      } catch (error) {
        log(`gateway: ${adapter.node.id} screening ${StudyInstanceUID ?? (target.statistics ? 'statistics' : 'cases')} failed: ${(error as Error).message}`);
        response = gatewayError(502, 'NODE_BAD_RESPONSE', `${adapter.node.name}: ${(error as Error).message}`, true);
      }
      const resource: DicomwebResource = StudyInstanceUID ? { kind: 'search', level: 'series', StudyInstanceUID } : { kind: 'search', level: 'studies' };
      await options.audit?.record({ nodeId: adapter.node.id, resource, status: response.status });
      return response;
    }
    const dicomwebPath = target.path;
    let resource: DicomwebResource | undefined;
    try {
      resource = parseDicomwebPath(request.method, dicomwebPath);
    } catch (error) {
      // A DICOMweb node may offer more than the standard paths (e.g. vendor bulk data URLs).
      if (!(error instanceof DicomwebPathError) || adapter.node.kind !== 'dicomweb') {
        return gatewayError(400, 'BAD_REQUEST', (error as Error).message);
      }
    }

    let response: Response;
    try {
      response = await withTimeout(timeoutMs, request.signal, async (signal) => {
        const answer = await adapter.fetch(request, { path: dicomwebPath, publicBase: publicBase(adapter.node.id), signal });
        return options.screening ? options.screening.withholding.filter(adapter, resource, answer, publicBase(adapter.node.id), signal) : answer;
      });
    } catch (error) {
      log(`gateway: ${adapter.node.id} ${request.method} ${dicomwebPath} failed: ${(error as Error).message}`);
      response = gatewayError(502, 'NODE_BAD_RESPONSE', `${adapter.node.name}: ${(error as Error).message}`, true);
    }
    registry.markReachable(adapter.node.id, response.status !== 503 && response.status !== 504);
    if (response.status >= 500) log(`gateway: ${adapter.node.id} ${request.method} ${dicomwebPath} -> ${response.status}`);
    if (options.audit) {
      let audited = resource ?? guessResource(dicomwebPath);
      if (response.ok && /json/.test(response.headers.get('content-type') ?? '')) {
        const text = await response.clone().text();
        options.audit.learn(safeJson(text));
        if (audited?.kind === 'store' && !audited.StudyInstanceUID) {
          const stored = /studies\/([0-9.]+)/.exec(text)?.[1];
          if (stored) audited = { kind: 'store', StudyInstanceUID: stored };
        }
      }
      try {
        await options.audit.record({ nodeId: adapter.node.id, resource: audited, status: response.status });
      } catch (error) {
        // No access without its audit record (legal traceability): fail closed.
        log(`gateway: audit record failed, answer withheld: ${(error as Error).message}`);
        await response.body?.cancel();
        return gatewayError(503, 'INTERNAL', `The audit trail cannot be written (${(error as Error).message}); access refused`, true);
      }
    }
    return response;
  };
}

/** For non-standard paths of a DICOMweb node: the study and series the path names, if any. */
function guessResource(path: string): DicomwebResource | undefined {
  const study = /studies\/([0-9.]+)/.exec(path)?.[1];
  const series = /series\/([0-9.]+)/.exec(path)?.[1];
  return study ? { kind: 'retrieve', what: 'instances', StudyInstanceUID: study, ...(series ? { SeriesInstanceUID: series } : {}) } : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
}
