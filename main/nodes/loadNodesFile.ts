import { readFile } from 'node:fs/promises';
import { parseNodesFile, type NodesConfig } from '../../app/nodes';

/** A nodes file that cannot be used; the message names the file and the problem. */
export class NodesFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NodesFileError';
  }
}

/** Reads and validates a nodes file (schema in app/nodes). */
export async function loadNodesFile(path: string): Promise<NodesConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : String(error);
    throw new NodesFileError(`${path}: ${why}`);
  }
  try {
    return parseNodesFile(text, path);
  } catch (error) {
    throw new NodesFileError(error instanceof Error ? error.message : String(error));
  }
}
