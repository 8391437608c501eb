import type { DicomJsonDataset } from './dicomJson';
import { DicomwebPathError, dicomwebPath, parseDicomwebPath, type DicomwebResource } from './parseDicomwebPath';

/**
 * The gateway's HTTP paths (README "The DICOMweb gateway"), relative to its base (`/gateway` in web
 * mode, `garde://gateway` in the desktop app): built and parsed here only, by main's gateway and by
 * the renderer alike.
 * - `<gateway>/nodes`: the nodes;
 * - `<gateway>/nodes/<nodeId>/ping`: checks one node;
 * - `<gateway>/nodes/<nodeId>/dicom-web/<DICOMweb path>`: QIDO-RS, WADO-RS, STOW-RS on one node
 *   (PS3.18 10.4-10.6, see {@link dicomwebPath});
 * - `<gateway>/search/studies?<QIDO keys>`: a study search on every node at once ({@link FederatedSearchResult});
 * - `<gateway>/nodes/<nodeId>/screening/cases?<QIDO keys>`: the screening cases of a node for the reader;
 * - `<gateway>/nodes/<nodeId>/screening/studies/<uid>`: one case, with the reads the reader may see;
 * - `<gateway>/nodes/<nodeId>/screening/statistics?<QIDO keys>`: the readers' statistics over the closed cases, as CSV.
 */
export type GatewayResource =
  | { kind: 'nodes' }
  | { kind: 'ping'; nodeId: string }
  | { kind: 'federated-search' }
  /** `path`: the DICOMweb path under the node's `dicom-web/`, as sent (still percent-encoded). */
  | { kind: 'dicomweb'; nodeId: string; path: string }
  /** Screening double reading: the cases of a node, one case (`StudyInstanceUID`), or the readers' statistics as CSV. */
  | { kind: 'screening'; nodeId: string; StudyInstanceUID?: string; statistics?: true };

/** One node's share of a federated search (`GET <gateway>/search/studies`). */
export interface NodeSearchOutcome {
  nodeId: string;
  ok: boolean;
  count: number;
  ms: number;
  error?: { code: string; message: string; retryable: boolean };
}

/** The answer of `GET <gateway>/search/studies`: each node's studies (DICOM JSON, PS3.18 F.2), never merged across nodes. */
export interface FederatedSearchResult {
  results: { nodeId: string; study: DicomJsonDataset }[];
  nodes: NodeSearchOutcome[];
}

/** Where a study lives: the gateway, the node, the study. */
export interface StudyLocation {
  /** Gateway base URL ('/gateway' in web mode, 'garde://gateway' in Electron). */
  gatewayBaseUrl: string;
  nodeId: string;
  StudyInstanceUID: string;
}

/** One frame of an instance (1-based, PS3.18 10.4.1.1.3): what a measurement or a cached frame is keyed by. */
export interface FrameRef {
  StudyInstanceUID: string;
  SeriesInstanceUID: string;
  SOPInstanceUID: string;
  frame: number;
}

const NODES = 'nodes';
const DICOMWEB = 'dicom-web';

function encodeNodeId(nodeId: string): string {
  if (nodeId === '') throw new DicomwebPathError('no node id');
  return encodeURIComponent(nodeId);
}

function trimBase(gatewayBaseUrl: string): string {
  return gatewayBaseUrl.replace(/\/+$/, '');
}

/** The path of a gateway resource, with a leading `/`, and `query` (already encoded) after a `?` when not empty. */
export function gatewayPath(resource: GatewayResource, query = ''): string {
  const q = query ? `?${query.replace(/^\?/, '')}` : '';
  switch (resource.kind) {
    case 'nodes':
      return `/${NODES}${q}`;
    case 'federated-search':
      return `/search/studies${q}`;
    case 'ping':
      return `/${NODES}/${encodeNodeId(resource.nodeId)}/ping${q}`;
    case 'dicomweb':
      return `/${NODES}/${encodeNodeId(resource.nodeId)}/${DICOMWEB}${resource.path ? `/${resource.path.replace(/^\/+/, '')}` : ''}${q}`;
    case 'screening':
      return `/${NODES}/${encodeNodeId(resource.nodeId)}/screening/${resource.StudyInstanceUID ? `studies/${resource.StudyInstanceUID}` : resource.statistics ? 'statistics' : 'cases'}${q}`;
  }
}

/** `gatewayBaseUrl` followed by the path of `resource` (see {@link gatewayPath}). */
export function gatewayUrl(gatewayBaseUrl: string, resource: GatewayResource, query = ''): string {
  return `${trimBase(gatewayBaseUrl)}${gatewayPath(resource, query)}`;
}

/** The DICOMweb service base of one node on the gateway: `<gateway>/nodes/<nodeId>/dicom-web`. */
export function nodeDicomwebBase(gatewayBaseUrl: string, nodeId: string): string {
  return gatewayUrl(gatewayBaseUrl, { kind: 'dicomweb', nodeId, path: '' });
}

/** The URL of a DICOMweb resource of one node on the gateway, with a QIDO-RS query (PS3.18 10.6.1) when given. */
export function nodeResourceUrl(gatewayBaseUrl: string, nodeId: string, resource: DicomwebResource, query = ''): string {
  return gatewayUrl(gatewayBaseUrl, { kind: 'dicomweb', nodeId, path: dicomwebPath(resource) }, query);
}

/** A study's root (`.../dicom-web/studies/<uid>`), the prefix of every resource of the study. */
export function studyUrl(location: StudyLocation): string {
  return nodeResourceUrl(location.gatewayBaseUrl, location.nodeId, { kind: 'retrieve', what: 'instances', StudyInstanceUID: location.StudyInstanceUID });
}

/** A frame's WADO-RS URL (`.../studies/<uid>/series/<uid>/instances/<uid>/frames/<n>`, PS3.18 10.4.1.1.3). */
export function frameUrl(gatewayBaseUrl: string, nodeId: string, frame: FrameRef): string {
  const { StudyInstanceUID, SeriesInstanceUID, SOPInstanceUID } = frame;
  return nodeResourceUrl(gatewayBaseUrl, nodeId, { kind: 'frames', what: 'frames', StudyInstanceUID, SeriesInstanceUID, SOPInstanceUID, frames: [frame.frame] });
}

function decodeNodeId(segment: string): string {
  try {
    const nodeId = decodeURIComponent(segment);
    if (nodeId !== '') return nodeId;
  } catch {
    // Reported below.
  }
  throw new DicomwebPathError(`not a node id: ${JSON.stringify(segment)}`);
}

/**
 * The gateway resource a path names (relative to the gateway base, query excluded): the inverse
 * of {@link gatewayPath}. The DICOMweb part is left to {@link parseDicomwebPath}, as a DICOMweb
 * node may answer more than the standard paths.
 * @throws DicomwebPathError for a path that names no gateway resource
 */
export function parseGatewayPath(path: string): GatewayResource {
  const bare = path.replace(/[?#].*$/, '');
  if (bare === `/${NODES}` || bare === `/${NODES}/`) return { kind: 'nodes' };
  if (bare === '/search/studies') return { kind: 'federated-search' };
  const match = /^\/nodes\/([^/]+)(\/.*)?$/.exec(bare);
  if (match) {
    const nodeId = decodeNodeId(match[1]!);
    const rest = match[2] ?? '';
    if (rest === '/ping') return { kind: 'ping', nodeId };
    if (rest === `/${DICOMWEB}` || rest.startsWith(`/${DICOMWEB}/`)) return { kind: 'dicomweb', nodeId, path: rest.slice(DICOMWEB.length + 2) };
    if (rest === '/screening/cases') return { kind: 'screening', nodeId };
    if (rest === '/screening/statistics') return { kind: 'screening', nodeId, statistics: true };
    const study = /^\/screening\/studies\/([0-9.]{1,64})$/.exec(rest);
    if (study) return { kind: 'screening', nodeId, StudyInstanceUID: study[1]! };
  }
  throw new DicomwebPathError(`no gateway resource at ${JSON.stringify(path)}`);
}

/** A gateway URL split into its gateway base, node and DICOMweb resource (see {@link parseGatewayUrl}). */
export interface GatewayNodeUrl {
  gatewayBaseUrl: string;
  nodeId: string;
  resource: DicomwebResource;
}

/**
 * Splits an absolute gateway URL of a node's DICOMweb resource (a Cornerstone `wadors:` image id
 * once its scheme is taken off, a BulkDataURI the gateway rewrote): the gateway base is what comes
 * before `/nodes/<nodeId>/dicom-web/`. Undefined when the URL names no DICOMweb resource of a node.
 */
export function parseGatewayUrl(url: string, method = 'GET'): GatewayNodeUrl | undefined {
  const bare = url.replace(/[?#].*$/, '');
  const at = bare.search(/\/nodes\/[^/]+\/dicom-web(?:\/|$)/);
  if (at < 0) return undefined;
  try {
    const gateway = parseGatewayPath(bare.slice(at));
    if (gateway.kind !== 'dicomweb') return undefined;
    return { gatewayBaseUrl: bare.slice(0, at), nodeId: gateway.nodeId, resource: parseDicomwebPath(method, gateway.path) };
  } catch (error) {
    if (error instanceof DicomwebPathError) return undefined;
    throw error;
  }
}

/** The frame a gateway frame URL names (a single frame, not rendered), with its node; undefined otherwise. */
export function parseFrameUrl(url: string): (FrameRef & { gatewayBaseUrl: string; nodeId: string }) | undefined {
  const parsed = parseGatewayUrl(url);
  const r = parsed?.resource;
  if (!parsed || r?.kind !== 'frames' || r.what !== 'frames' || r.frames.length !== 1) return undefined;
  return { gatewayBaseUrl: parsed.gatewayBaseUrl, nodeId: parsed.nodeId, StudyInstanceUID: r.StudyInstanceUID, SeriesInstanceUID: r.SeriesInstanceUID, SOPInstanceUID: r.SOPInstanceUID, frame: r.frames[0]! };
}
