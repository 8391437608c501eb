import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { GardeError } from '../../app/ipc/errors';
import { NodesConfigError, parseNodesFile, type NodeConfig } from '../../app/nodes';
import { writeFileAtomic } from '../paths/writeFileAtomic';

/**
 * The nodes file (`<dataDir>/nodes.json`, or the `--nodes` file in web mode) as a store: read fresh
 * before every change, validated with `parseNodesFile` before it is written, written atomically
 * (temporary file + rename) with mode 0600 since it may hold inline credentials. Changes run one
 * after the other. A file that exists but is not valid is never overwritten: the change fails with
 * NODES_CONFIG_INVALID so the user's hand-written file is not lost.
 */
export class NodesStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string) {}

  /** The configured nodes; [] when the file does not exist yet. */
  async read(): Promise<NodeConfig[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new GardeError('NODES_CONFIG_INVALID', `cannot read the nodes file ${this.file}: ${(error as Error).message}`);
    }
    return this.parse(text).nodes;
  }

  /**
   * Applies a change to the current node list, validates the result and writes it.
   * @returns the nodes as written (schema defaults applied)
   * @throws GardeError NODES_CONFIG_INVALID with one issue per invalid field (`nodes[2].baseUrl`)
   */
  update(change: (nodes: NodeConfig[]) => NodeConfig[] | Promise<NodeConfig[]>): Promise<NodeConfig[]> {
    const run = this.queue.then(async () => {
      const next = await change(await this.read());
      const text = `${JSON.stringify({ nodes: next }, null, 2)}\n`;
      const parsed = this.parse(text);
      await writeFileAtomic(this.file, text, 0o600);
      return parsed.nodes;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private parse(text: string) {
    try {
      return parseNodesFile(text, basename(this.file));
    } catch (error) {
      if (error instanceof NodesConfigError) {
        throw new GardeError('NODES_CONFIG_INVALID', error.message, false, error.issues.map((i) => ({ path: i.path, message: i.message })));
      }
      throw error;
    }
  }
}
