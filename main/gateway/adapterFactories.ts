import type { NodeKind } from '../../app/nodes';
import { createDicomwebAdapter } from '../dicomweb/createDicomwebAdapter';
import type { SecretLookup } from '../secrets/resolveSecret';
import type { AdapterFactory } from './nodeRegistry';

/** What node adapters need from the composition root. */
export interface AdapterDeps {
  secrets: SecretLookup;
  /** A private folder for temporary files (DIMSE retrieves). */
  tempDir: string;
}

/** The adapter factory of each node kind. */
export function adapterFactories(deps: AdapterDeps): Partial<Record<NodeKind, AdapterFactory>> {
  return {
    dicomweb: (node) => createDicomwebAdapter(node as Extract<typeof node, { kind: 'dicomweb' }>, deps.secrets),
  };
}
