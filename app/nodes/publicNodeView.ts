import type { DicomwebNode, DimseNode, FolderNode, NodeConfig } from './nodeSchema';

/** Public view of a DICOMweb node: no password, token or TLS file paths. */
export interface PublicDicomwebNode {
  id: string;
  name: string;
  kind: 'dicomweb';
  baseUrl: string;
  stowUrl?: string;
  authType: DicomwebNode['auth']['type'];
  tls?: { customCa: boolean; clientCertificate: boolean; rejectUnauthorized: boolean };
  qidoSupportsFuzzy: boolean;
  timeoutMs: number;
}

/** Public view of a DIMSE node. */
export type PublicDimseNode = Pick<DimseNode, 'id' | 'name' | 'kind' | 'host' | 'port' | 'calledAeTitle' | 'callingAeTitle' | 'retrieve' | 'scpPort'>;

/** Public view of a folder node. */
export type PublicFolderNode = Pick<FolderNode, 'id' | 'name' | 'kind' | 'path'>;

/** What `<gateway>/nodes` may show about a node. */
export type PublicNodeView = PublicDicomwebNode | PublicDimseNode | PublicFolderNode;

/**
 * Returns the non-secret description of a node, built field by field from an
 * allowlist so that a secret added to the schema later is not shown by default.
 * Never includes passwords, tokens, usernames, vault references or TLS
 * CA/certificate/key file paths.
 */
export function publicNodeView(node: NodeConfig): PublicNodeView {
  switch (node.kind) {
    case 'dicomweb': {
      const view: PublicDicomwebNode = {
        id: node.id,
        name: node.name,
        kind: node.kind,
        baseUrl: node.baseUrl,
        authType: node.auth.type,
        qidoSupportsFuzzy: node.qidoSupportsFuzzy ?? false,
        timeoutMs: node.timeoutMs,
      };
      if (node.stowUrl !== undefined) view.stowUrl = node.stowUrl;
      if (node.tls !== undefined) {
        view.tls = {
          customCa: node.tls.caFile !== undefined,
          clientCertificate: node.tls.certFile !== undefined,
          rejectUnauthorized: node.tls.rejectUnauthorized ?? true,
        };
      }
      return view;
    }
    case 'dimse': {
      const view: PublicDimseNode = {
        id: node.id,
        name: node.name,
        kind: node.kind,
        host: node.host,
        port: node.port,
        calledAeTitle: node.calledAeTitle,
        callingAeTitle: node.callingAeTitle,
        retrieve: node.retrieve,
      };
      if (node.scpPort !== undefined) view.scpPort = node.scpPort;
      return view;
    }
    case 'folder':
      return { id: node.id, name: node.name, kind: node.kind, path: node.path };
  }
}
