/**
 * PACS node configuration: the nodes file schema, its validation with located
 * errors, the public (secret-free) view of a node, and credential origin rules.
 */
export { parseNodesFile } from './parseNodesFile';
export { NodesConfigError, type NodesConfigIssue } from './NodesConfigError';
export {
  NodesConfigSchema,
  NodeSchema,
  DicomwebNodeSchema,
  DimseNodeSchema,
  FolderNodeSchema,
  DicomwebAuthSchema,
  SecretSchema,
  NODE_KINDS,
  DEFAULT_TIMEOUT_MS,
  type NodesConfig,
  type NodeConfig,
  type NodeKind,
  type DicomwebNode,
  type DimseNode,
  type FolderNode,
  type DicomwebAuth,
  type TlsConfig,
  type Secret,
  type SecretRef,
} from './nodeSchema';
export { aeTitleProblem, AE_TITLE_MAX_LENGTH } from './aeTitle';
export { publicNodeView, type PublicNodeView, type PublicDicomwebNode, type PublicDimseNode, type PublicFolderNode } from './publicNodeView';
export { nodeOrigin, mayReceiveNodeCredential } from './nodeOrigin';
export { isSecretRef } from './isSecretRef';
export { mergeNodeInput, type NodeInput, type DicomwebNodeInput, type DicomwebAuthInput, type SecretInput } from './nodeInput';
