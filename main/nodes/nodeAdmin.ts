import type { NodeConfigEntry, NodeConfigList, NodeTestResult, SaveNodeRequest, TestNodeRequest } from '../../app/ipc/contract';
import { GardeError } from '../../app/ipc/errors';
import { mergeNodeInput, publicNodeView, type NodeConfig } from '../../app/nodes';
import type { NodeRegistry } from '../gateway/nodeRegistry';
import type { Vault } from '../secrets/vault';
import type { NodesStore } from './nodesStore';
import { testNodeConnection } from './testNodeConnection';
import { validateNodeInput } from './validateNodeInput';
import { dropUnusedVaultKeys, moveSecretsToVault } from './vaultSecrets';

/** What node management needs: the nodes file, the running adapters, and the vault (desktop only). */
export interface NodeAdminDeps {
  store: NodesStore;
  registry: NodeRegistry;
  /** Absent in web mode: credentials then stay inline in the nodes file (mode 0600). */
  vault?: Vault;
}

/**
 * Node management behind Settings: list (public views only), add/replace, remove, and connection
 * tests. After every change the nodes file is rewritten and the registry switches to the new list.
 * No clear secret ever leaves this object towards the renderer.
 */
export class NodeAdmin {
  constructor(private readonly deps: NodeAdminDeps) {}

  /** The nodes of the file with their reachability. */
  async list(): Promise<NodeConfigList> {
    const nodes = await this.deps.store.read();
    return { nodes: nodes.map((n) => this.entry(n)), credentialStore: this.deps.vault ? 'vault' : 'nodes-file' };
  }

  /** Adds a node, or replaces the node with the same id; clear secrets go to the vault when there is one. */
  async save(request: SaveNodeRequest): Promise<NodeConfigEntry> {
    const input = requireObject(request?.node, 'node');
    const id = input.id;
    const { vault, store, registry } = this.deps;
    let before: NodeConfig | undefined;
    let written: NodeConfig | undefined;
    const nodes = await store.update(async (current) => {
      const index = current.findIndex((n) => n.id === id);
      before = index >= 0 ? current[index] : undefined;
      if (request.create && before) {
        const issues = [{ path: 'id', message: `already used by the node "${before.name}"` }];
        throw new GardeError('NODES_CONFIG_INVALID', `Invalid node: id: ${issues[0]!.message}`, false, issues);
      }
      const node = validateNodeInput(mergeNodeInput(input, before), current, index >= 0 ? index : current.length);
      written = vault ? await moveSecretsToVault(node, vault) : node;
      return index >= 0 ? current.map((n, i) => (i === index ? written! : n)) : [...current, written];
    });
    if (vault) await dropUnusedVaultKeys(before, written, vault);
    await registry.replaceNodes(nodes);
    return this.entry(nodes.find((n) => n.id === id)!);
  }

  /** Removes a node, its vault entries and its adapter. */
  async remove(request: { id: string }): Promise<{ id: string }> {
    const id = requireObject(request, 'request').id;
    let removed: NodeConfig | undefined;
    const nodes = await this.deps.store.update((current) => {
      removed = current.find((n) => n.id === id);
      if (!removed) throw new GardeError('NODE_UNKNOWN', `No node with id "${String(id)}"`);
      return current.filter((n) => n !== removed);
    });
    if (this.deps.vault) await dropUnusedVaultKeys(removed, undefined, this.deps.vault);
    await this.deps.registry.replaceNodes(nodes);
    return { id: removed!.id };
  }

  /** Tests a saved node, or a node being edited (completed with the stored secrets) through a temporary adapter. */
  async test(request: TestNodeRequest): Promise<NodeTestResult> {
    const body = requireObject(request, 'request');
    const { registry } = this.deps;
    if (!('node' in body)) {
      const adapter = registry.get(String(body.id));
      if (!adapter) throw new GardeError('NODE_UNKNOWN', `No node with id "${String(body.id)}"`);
      return this.record(adapter.node.id, await testNodeConnection(adapter));
    }
    const input = requireObject(body.node, 'node');
    const stored = (await this.deps.store.read()).find((n) => n.id === input.id);
    const node = validateNodeInput(mergeNodeInput(input, stored), [], 0);
    const live = registry.get(node.id);
    if (live && stored && JSON.stringify(live.node) === JSON.stringify(node)) {
      return this.record(node.id, await testNodeConnection(live));
    }
    // A separate id gives the temporary adapter its own temporary folder.
    const adapter = await registry.buildAdapter({ ...node, id: `${node.id}--test` });
    try {
      return await testNodeConnection(adapter);
    } finally {
      void adapter.close().catch(() => undefined);
    }
  }

  private record(id: string, result: NodeTestResult): NodeTestResult {
    this.deps.registry.markReachable(id, result.ok, result.ok ? undefined : result.message);
    return result;
  }

  private entry(node: NodeConfig): NodeConfigEntry {
    const state = this.deps.registry.state(node.id);
    const entry: NodeConfigEntry = { node: publicNodeView(node), reachable: state.reachable, usable: this.deps.registry.get(node.id) !== undefined };
    if (state.checkedAt) entry.checkedAt = state.checkedAt;
    if (state.error) entry.error = state.error;
    return entry;
  }
}

function requireObject(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new GardeError('BAD_REQUEST', `${name} must be an object`);
  return value as Record<string, unknown>;
}
