import { mkdir } from 'node:fs/promises';
import type { DimseNode } from '../../app/nodes';
import { parseDicomwebPath, DicomwebPathError, retrieveUrl, type DicomwebResource } from '../../app/dicomweb/parseDicomwebPath';
import { parseQidoParams, QidoParamError } from '../../app/dicomweb/qidoQuery';
import { qidoToFind, QidoTranslationError } from '../../app/dicomweb/qidoToFind';
import { MultipartParser } from '../../app/dicomweb/MultipartParser';
import type { NodeAdapter, AdapterRequestContext } from '../gateway/nodeAdapter';
import { gatewayError } from '../gateway/gatewayError';
import { cFind, type OperationOptions } from './cFind';
import { cStore } from './cStore';
import { storeResponseJson } from '../gateway/storeResponse';
import { dimse } from './dcmjsDimse';
import { DimseError, dimseErrorResponse, nodeLabel } from './dimseError';
import { runAssociation } from './runAssociation';
import { SeriesRetriever, type RetrieveStats } from './seriesRetriever';
import { TempInstanceStore, DEFAULT_MAX_MEMORY_BYTES, DEFAULT_MAX_TEMP_BYTES, type StoredInstance } from './tempInstanceStore';
import { dicomJsonResponse } from '../gateway/multipartResponse';
import { answerBulkdata, answerFrames, answerInstances, answerMetadata, type WadoAnswerOptions } from '../gateway/part10Wado';
import { retrievedFiles } from './retrievedFiles';

/** Options of {@link createDimseAdapter}. */
export interface DimseAdapterOptions {
  /** Directory of the temporary instance store (created; deleted on close). */
  tempDir: string;
  /** Bound of the temporary store (default 2 GiB); least recently used series are purged beyond it. */
  maxTempBytes?: number;
  /** Bytes of the store kept in memory (default 512 MiB, at most `maxTempBytes`); the oldest go to files beyond it. */
  maxMemoryBytes?: number;
  /** Inactivity timeout of every DIMSE exchange, in ms (default 30 s). */
  timeoutMs?: number;
}

/** A DIMSE adapter, with retrieve statistics for tests and logs. */
export interface DimseAdapter extends NodeAdapter {
  readonly node: DimseNode;
  readonly stats: RetrieveStats;
  readonly store: TempInstanceStore;
}

class BadRequest extends Error {}
class NotFound extends Error {}

/**
 * A DICOMweb face (PS3.18) for a DIMSE node (PS3.7): QIDO-RS becomes C-FIND (PS3.4 C.4.1), WADO-RS
 * becomes C-GET (C.4.3) or C-MOVE (C.4.2) into a bounded temporary store of Part 10 files (in memory first),
 * STOW-RS becomes C-STORE (B.2), and ping is C-ECHO (A.4). Errors are gateway error responses:
 * 503 NODE_UNREACHABLE, 504 NODE_TIMEOUT, 502 NODE_BAD_RESPONSE, 400/404/406 for the request.
 */
export function createDimseAdapter(node: DimseNode, options: DimseAdapterOptions): DimseAdapter {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxTempBytes = options.maxTempBytes ?? DEFAULT_MAX_TEMP_BYTES;
  const store = new TempInstanceStore(options.tempDir, maxTempBytes, Math.min(maxTempBytes, options.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES));
  const files = retrievedFiles(store, node.name);
  const retriever = new SeriesRetriever(node, store, timeoutMs);

  async function seriesOf(resource: { StudyInstanceUID: string; SeriesInstanceUID?: string }, op: OperationOptions): Promise<string[]> {
    if (resource.SeriesInstanceUID) return [resource.SeriesInstanceUID];
    const found = await cFind(node, { level: 'SERIES', keys: { StudyInstanceUID: resource.StudyInstanceUID, SeriesInstanceUID: '' } }, op);
    return found.map((d) => String(d['0020000E']?.Value?.[0] ?? '')).filter((uid) => uid !== '');
  }

  async function instancesOf(resource: { StudyInstanceUID: string; SeriesInstanceUID?: string; SOPInstanceUID?: string }, op: OperationOptions): Promise<StoredInstance[]> {
    const out: StoredInstance[] = [];
    for (const series of await seriesOf(resource, op)) {
      if (await retriever.ensureSeries(resource.StudyInstanceUID, series, op.signal)) out.push(...store.seriesInstances(resource.StudyInstanceUID, series));
    }
    const selected = resource.SOPInstanceUID ? out.filter((i) => i.SOPInstanceUID === resource.SOPInstanceUID) : out;
    if (selected.length === 0) throw new NotFound(`no ${resource.SOPInstanceUID ? 'instance' : resource.SeriesInstanceUID ? 'series' : 'study'} ${resource.SOPInstanceUID ?? resource.SeriesInstanceUID ?? resource.StudyInstanceUID} on DIMSE node "${node.name}"`);
    return selected;
  }

  async function search(resource: Extract<DicomwebResource, { kind: 'search' }>, url: URL, publicBase: string, op: OperationOptions): Promise<Response> {
    let identifier;
    let query;
    try {
      query = parseQidoParams(url.searchParams.entries());
      identifier = qidoToFind(resource, query);
    } catch (error) {
      if (error instanceof QidoParamError || error instanceof QidoTranslationError) throw new BadRequest(error.message);
      throw error;
    }
    const found = await cFind(node, identifier, op);
    const offset = query.offset ?? 0;
    const page = found.slice(offset, query.limit !== undefined ? offset + query.limit : undefined);
    for (const d of page) {
      const study = d['0020000D']?.Value?.[0];
      const series = d['0020000E']?.Value?.[0];
      const sop = d['00080018']?.Value?.[0];
      const url = study
        ? retrieveUrl(publicBase, {
            StudyInstanceUID: String(study),
            ...(identifier.level !== 'STUDY' && series ? { SeriesInstanceUID: String(series) } : {}),
            ...(identifier.level === 'IMAGE' && sop ? { SOPInstanceUID: String(sop) } : {}),
          })
        : undefined;
      if (url) d['00081190'] = { vr: 'UR', Value: [url] };
    }
    return dicomJsonResponse(page);
  }

  async function storeInstances(request: Request, publicBase: string, op: OperationOptions): Promise<Response> {
    const contentType = request.headers.get('content-type') ?? '';
    let parser: MultipartParser;
    try {
      parser = MultipartParser.fromContentType(contentType);
    } catch (error) {
      throw new BadRequest(`STOW-RS needs a multipart/related body of application/dicom parts: ${(error as Error).message}`);
    }
    const parts = parser.push(new Uint8Array(await request.arrayBuffer()));
    try {
      parser.end();
    } catch (error) {
      throw new BadRequest((error as Error).message);
    }
    await mkdir(options.tempDir, { recursive: true });
    const items = await cStore(node, parts.map((p) => p.body), options.tempDir, op);
    const ok = items.filter((i) => i.status === 0 || (i.status & 0xff00) === 0xb000).length;
    return dicomJsonResponse(storeResponseJson(items, publicBase), false, {}, ok === items.length ? 200 : ok === 0 ? 409 : 202);
  }

  async function route(request: Request, context: AdapterRequestContext): Promise<Response> {
    const url = new URL(request.url);
    const op: OperationOptions = { timeoutMs, signal: context.signal };
    const resource = parseDicomwebPath(request.method, context.path);
    const wado: WadoAnswerOptions = { accept: request.headers.get('accept'), publicBase: context.publicBase.replace(/\/+$/, ''), head: request.method === 'HEAD', ...(context.signal ? { signal: context.signal } : {}) };
    switch (resource.kind) {
      case 'search':
        return search(resource, url, context.publicBase, op);
      case 'store':
        return storeInstances(request, context.publicBase, op);
      case 'retrieve':
        if (resource.what === 'metadata') return answerMetadata(files, await instancesOf(resource, op), wado);
        if (resource.what === 'instances') return answerInstances(files, await instancesOf(resource, op), wado);
        return gatewayError(406, 'BAD_REQUEST', `rendered and thumbnail resources are not offered for DIMSE node "${node.name}"`);
      case 'frames': {
        if (resource.what === 'rendered') return gatewayError(406, 'BAD_REQUEST', `rendered frames are not offered for DIMSE node "${node.name}"`);
        const [instance] = await instancesOf(resource, op);
        return answerFrames(files, instance!, resource.frames, wado);
      }
      case 'bulkdata': {
        const [study, series, sop, ...path] = resource.segments;
        if (!study || !series || !sop || path.length === 0) throw new NotFound(`no bulk data at ${context.path}`);
        const [instance] = await instancesOf({ StudyInstanceUID: study, SeriesInstanceUID: series, SOPInstanceUID: sop }, op);
        return answerBulkdata(files, instance!, path, wado);
      }
    }
  }

  return {
    node,
    stats: retriever.stats,
    store,
    async fetch(request, context) {
      try {
        return await route(request, context);
      } catch (error) {
        if (error instanceof DicomwebPathError || error instanceof BadRequest) return gatewayError(400, 'BAD_REQUEST', `DIMSE node "${node.name}": ${error.message}`);
        if (error instanceof NotFound) return gatewayError(404, 'NOT_FOUND', error.message);
        return dimseErrorResponse(error, node);
      }
    },
    async ping(signal) {
      const echo = new dimse.requests.CEchoRequest();
      let status: number | undefined;
      echo.on('response', (response: { getStatus(): number }) => (status = response.getStatus()));
      await runAssociation(node, { requests: [echo], timeoutMs, signal });
      if (status !== 0) throw new DimseError('status', `C-ECHO to DIMSE node ${nodeLabel(node)} answered ${status === undefined ? 'nothing' : `status 0x${status.toString(16)}`}`);
    },
    async close() {
      await retriever.close();
      await store.close();
    },
  };
}
