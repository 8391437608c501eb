import { statSync } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FolderNode } from '../../app/nodes/nodeSchema';
import { gatewayError } from '../gateway/gatewayError';
import type { AdapterRequestContext, NodeAdapter } from '../gateway/nodeAdapter';
import { answerFolderStore, type InstanceIndex } from '../folderStore';
import { receiveIntoFolder } from './receiveIntoFolder';
import { FolderIndexer, type ScanStats, type SkippedFile } from './scanFolder';
import { watchFolder, type FolderWatch } from './watchFolder';

/** Options of {@link createFolderAdapter}. */
export interface FolderAdapterOptions {
  /** Follow changes of the folder (fs.watch, debounced re-scan). Default false. */
  watch?: boolean;
  /** Quiet period after a change before re-scanning, in ms (default 300). */
  debounceMs?: number;
  /** Where skipped files and watch problems are reported (default console.warn). */
  log?: (message: string) => void;
}

/** A folder node adapter, with access to its index for tests and diagnostics. */
export interface FolderAdapter extends NodeAdapter {
  readonly node: FolderNode;
  /** Resolves when the first scan is done (rejects when the folder cannot be read). */
  readonly ready: Promise<ScanStats>;
  readonly index: InstanceIndex;
  /** Files left out of the index, with reasons. */
  skipped(): SkippedFile[];
  /** Re-scans now (new, changed and removed files). */
  rescan(): Promise<ScanStats>;
}

/**
 * A read-only DICOMweb server (PS3.18) over a folder of DICOM Part 10 files or a
 * DICOMDIR (PS3.10 8.6): QIDO-RS (10.6) and WADO-RS (10.4) answered from an index of
 * the files' headers; STOW-RS refused with 405.
 */
export function createFolderAdapter(node: FolderNode, options: FolderAdapterOptions = {}): FolderAdapter {
  const log = options.log ?? ((message: string) => console.warn(message));
  const indexer = new FolderIndexer(node.path, { log });
  const label = `folder node "${node.id}" (${node.path})`;
  const ready = indexer.scan();
  ready.catch((error: unknown) => log(`${label}: ${error instanceof Error ? error.message : String(error)}`));
  let watcher: FolderWatch | undefined;
  if (options.watch) {
    // Watch from the start, so that no change made while the first scan runs is missed.
    let target: string | undefined;
    try {
      target = statSync(node.path).isDirectory() ? node.path : dirname(node.path);
    } catch (error) {
      log(`${label}: not watched: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (target) {
      const onChange = (): void => void indexer.scan().catch((e: unknown) => log(`${label}: re-scan failed: ${String(e)}`));
      watcher = watchFolder(target, onChange, { ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}), log });
    }
  }

  return {
    node,
    ready,
    index: indexer.index,
    skipped: () => indexer.skipped(),
    rescan: () => indexer.scan(),
    async fetch(request: Request, context: AdapterRequestContext): Promise<Response> {
      try {
        await ready;
      } catch (error) {
        return gatewayError(503, 'NODE_UNREACHABLE', `${label} cannot be read: ${error instanceof Error ? error.message : String(error)}`, true);
      }
      const receive = node.receive === true ? (r: Request) => receiveIntoFolder(node.path, r, context.publicBase, () => indexer.scan()) : undefined;
      return answerFolderStore(indexer.index, request, context, { label, ...(receive ? { store: receive } : {}) });
    },
    async ping(signal: AbortSignal): Promise<void> {
      signal.throwIfAborted();
      try {
        await access(node.path, constants.R_OK);
        const info = await stat(node.path);
        if (!info.isDirectory() && !info.isFile()) throw new Error('neither a folder nor a DICOMDIR file');
      } catch (error) {
        throw new Error(`${label} is not readable: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    async close(): Promise<void> {
      watcher?.close();
      await ready.catch(() => undefined);
    },
  };
}
