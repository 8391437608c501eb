import { isSecretRef, type NodeConfig, type Secret } from '../../app/nodes';
import type { Vault } from '../secrets/vault';

function secretsOf(node: NodeConfig): Secret[] {
  if (node.kind !== 'dicomweb') return [];
  if (node.auth.type === 'basic') return [node.auth.password];
  if (node.auth.type === 'bearer') return [node.auth.token];
  return [];
}

/** Vault keys this node owns: references named `<node id>/...` (written by {@link moveSecretsToVault}). */
export function ownedVaultKeys(node: NodeConfig): string[] {
  return secretsOf(node)
    .filter(isSecretRef)
    .map((s) => s.secretRef)
    .filter((key) => key.startsWith(`${node.id}/`));
}

/**
 * Moves the clear secrets of a node into the vault (`<node id>/password`, `<node id>/token`) and
 * returns the node with `{ "secretRef": ... }` in their place, ready for the nodes file.
 */
export async function moveSecretsToVault(node: NodeConfig, vault: Vault): Promise<NodeConfig> {
  if (node.kind !== 'dicomweb') return node;
  const auth = node.auth;
  if (auth.type === 'basic' && typeof auth.password === 'string') {
    const secretRef = `${node.id}/password`;
    await vault.set(secretRef, auth.password);
    return { ...node, auth: { ...auth, password: { secretRef } } };
  }
  if (auth.type === 'bearer' && typeof auth.token === 'string') {
    const secretRef = `${node.id}/token`;
    await vault.set(secretRef, auth.token);
    return { ...node, auth: { ...auth, token: { secretRef } } };
  }
  return node;
}

/** Deletes vault entries `before` owned that `after` (the node as now written, or none) no longer uses. */
export async function dropUnusedVaultKeys(before: NodeConfig | undefined, after: NodeConfig | undefined, vault: Vault): Promise<void> {
  if (!before) return;
  const kept = new Set(after ? ownedVaultKeys(after) : []);
  for (const key of ownedVaultKeys(before)) if (!kept.has(key)) await vault.delete(key);
}
