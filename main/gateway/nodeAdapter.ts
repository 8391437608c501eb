import type { NodeConfig } from '../../app/nodes';

/** Per-request context the gateway hands to a node adapter. */
export interface AdapterRequestContext {
  /** DICOMweb path relative to the node's service base, e.g. `studies/1.2/series/3.4/metadata`. */
  path: string;
  /**
   * Absolute base URL of this node as the renderer addresses it
   * (`http://127.0.0.1:p/gateway/nodes/<id>/dicom-web` or `garde://gateway/nodes/<id>/dicom-web`).
   * Every URL an adapter puts in a response (BulkDataURI, RetrieveURL) starts with it.
   */
  publicBase: string;
  /** Aborted when the client goes away or the gateway's per-node timeout expires. */
  signal: AbortSignal;
}

/**
 * One configured node seen as a DICOMweb server (PS3.18). The gateway routes
 * `<gateway>/nodes/<id>/dicom-web/<path>` to its node's adapter; an adapter answers with standard
 * DICOMweb responses (application/dicom+json, multipart/related) and, on failure, a JSON error body
 * `{ code, message, retryable }` with 4xx/5xx status (502 for an upstream that answers garbage,
 * 504 for a timeout, 401 when the node refuses our credentials).
 */
export interface NodeAdapter {
  readonly node: NodeConfig;
  fetch(request: Request, context: AdapterRequestContext): Promise<Response>;
  /** Resolves when the node answers (QIDO ping, C-ECHO, folder readable); rejects with a clear Error otherwise. */
  ping(signal: AbortSignal): Promise<void>;
  /** Releases sockets, watchers and temporary files. */
  close(): Promise<void>;
}
