import { join } from 'node:path';
import type { DicomwebNode, DimseNode, FolderNode, NodeKind } from '../../app/nodes';
import { createDicomwebAdapter } from '../dicomweb/createDicomwebAdapter';
import { createDimseAdapter } from '../dimse';
import { createFolderAdapter } from '../folder';
import type { SecretLookup } from '../secrets/resolveSecret';
import type { AdapterFactory } from './nodeRegistry';

/** What node adapters need from the composition root. */
export interface AdapterDeps {
  secrets: SecretLookup;
  /** A private folder for temporary files (DIMSE retrieves), one sub-folder per node. */
  tempDir: string;
  log?: (line: string) => void;
}

/** The adapter factory of each node kind. */
export function adapterFactories(deps: AdapterDeps): Record<NodeKind, AdapterFactory> {
  const log = deps.log ?? (() => undefined);
  return {
    dicomweb: (node) => createDicomwebAdapter(node as DicomwebNode, deps.secrets),
    dimse: async (node) => createDimseAdapter(node as DimseNode, { tempDir: join(deps.tempDir, 'dimse', node.id) }),
    folder: async (node) => createFolderAdapter(node as FolderNode, { watch: true, log }),
  };
}
