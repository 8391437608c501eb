import type { NodeConfig, NodeKind } from '../../app/nodes';
import type { NodeAdapter } from './nodeAdapter';

/** Makes the adapter of one node kind. */
export type AdapterFactory = (node: NodeConfig) => Promise<NodeAdapter>;

/** Last known reachability of a node, as `GET <gateway>/nodes` reports it. */
export interface NodeState {
  reachable: 'unknown' | 'yes' | 'no';
  checkedAt?: string;
  error?: string;
}

/**
 * The configured nodes and their adapters, built through a factory per kind (a registry, so the
 * gateway does not know how a DIMSE or folder node works).
 */
export class NodeRegistry {
  private readonly adapters = new Map<string, NodeAdapter>();
  private readonly states = new Map<string, NodeState>();
  private factories: Partial<Record<NodeKind, AdapterFactory>> = {};
  private log: (line: string) => void = () => undefined;

  private constructor(private readonly order: string[]) {}

  /** Builds every node's adapter; a node whose adapter cannot be built is reported, not fatal. */
  static async create(nodes: readonly NodeConfig[], factories: Partial<Record<NodeKind, AdapterFactory>>, log: (line: string) => void = () => undefined): Promise<NodeRegistry> {
    const registry = new NodeRegistry([]);
    registry.factories = factories;
    registry.log = log;
    for (const node of nodes) {
      const factory = factories[node.kind];
      if (!factory) {
        log(`gateway: no adapter for ${node.kind} node ${node.id}`);
        continue;
      }
      try {
        registry.adapters.set(node.id, await factory(node));
        registry.order.push(node.id);
        registry.states.set(node.id, { reachable: 'unknown' });
      } catch (error) {
        log(`gateway: node ${node.id} unusable: ${(error as Error).message}`);
      }
    }
    return registry;
  }

  /** Adapters in configuration order. */
  all(): NodeAdapter[] {
    return this.order.map((id) => this.adapters.get(id)!);
  }

  get(id: string): NodeAdapter | undefined {
    return this.adapters.get(id);
  }

  state(id: string): NodeState {
    return this.states.get(id) ?? { reachable: 'unknown' };
  }

  /** Records the outcome of the latest exchange with a node. */
  markReachable(id: string, ok: boolean, error?: string): void {
    this.states.set(id, { reachable: ok ? 'yes' : 'no', checkedAt: new Date().toISOString(), ...(error ? { error } : {}) });
  }

  /**
   * Makes an adapter for a node outside the registry (a connection test of a node not saved yet).
   * The caller closes it.
   */
  async buildAdapter(node: NodeConfig): Promise<NodeAdapter> {
    const factory = this.factories[node.kind];
    if (!factory) throw new Error(`no adapter for ${node.kind} nodes`);
    return factory(node);
  }

  /**
   * Switches to a new node list (after the nodes file changed): a node whose configuration is
   * unchanged keeps its adapter and state; adapters of removed or changed nodes are closed first
   * (they may share a temporary folder with their replacement), then new adapters are built.
   */
  async replaceNodes(nodes: readonly NodeConfig[]): Promise<void> {
    const wanted = new Map(nodes.map((n) => [n.id, JSON.stringify(n)]));
    const retired = this.all().filter((a) => wanted.get(a.node.id) !== JSON.stringify(a.node));
    for (const adapter of retired) {
      this.adapters.delete(adapter.node.id);
      this.states.delete(adapter.node.id);
    }
    this.order.splice(0, this.order.length, ...this.order.filter((id) => this.adapters.has(id)));
    await Promise.allSettled(retired.map((a) => a.close()));
    const order: string[] = [];
    for (const node of nodes) {
      if (!this.adapters.has(node.id)) {
        try {
          this.adapters.set(node.id, await this.buildAdapter(node));
          this.states.set(node.id, { reachable: 'unknown' });
        } catch (error) {
          this.log(`gateway: node ${node.id} unusable: ${(error as Error).message}`);
          continue;
        }
      }
      order.push(node.id);
    }
    this.order.splice(0, this.order.length, ...order);
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.all().map((a) => a.close()));
  }
}
