import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { InstanceIndex, NotAnInstanceError, readInstanceHeader } from '../folderStore';
import { readDicomdir } from './readDicomdir';

/** A file left out of the index and why. */
export interface SkippedFile {
  path: string;
  reason: string;
}

/** What one scan changed. */
export interface ScanStats {
  files: number;
  indexed: number;
  removed: number;
  skipped: number;
  durationMs: number;
}

/** Options of {@link FolderIndexer}. */
export interface FolderIndexerOptions {
  /** Headers read in parallel (default 8). */
  concurrency?: number;
  /** Where skipped files are reported (default: console.warn). */
  log?: (message: string) => void;
}

/**
 * Keeps an {@link InstanceIndex} in step with a folder of DICOM files (walked
 * recursively) or with the files a DICOMDIR references (PS3.10 8.6). Each scan
 * stats every file and reads the header (up to Pixel Data) only of files that are
 * new or whose size or mtime changed; files gone are removed. Concurrent calls to
 * {@link scan} are coalesced into one running scan plus at most one more.
 */
export class FolderIndexer {
  readonly index = new InstanceIndex();
  private readonly known = new Map<string, { size: number; mtimeMs: number }>();
  private readonly skips = new Map<string, string>();
  /** Files not served because another file has their SOP Instance UID: path -> UID. */
  private readonly duplicates = new Map<string, string>();
  private running: Promise<ScanStats> | undefined;
  private queued: Promise<ScanStats> | undefined;
  private readonly log: (message: string) => void;

  constructor(
    readonly root: string,
    private readonly options: FolderIndexerOptions = {},
  ) {
    this.log = options.log ?? ((message) => console.warn(message));
  }

  /** Files left out, with the reason (non-DICOM, truncated, missing UIDs, unresolved DICOMDIR reference...). */
  skipped(): SkippedFile[] {
    const duplicates = [...this.duplicates].map(([path, sop]) => ({
      path,
      reason: `same SOP Instance UID (${sop}) as ${this.index.findSop(sop)?.path ?? 'another file'}, which is served`,
    }));
    return [...[...this.skips].map(([path, reason]) => ({ path, reason })), ...duplicates].sort((a, b) => a.path.localeCompare(b.path));
  }

  /** Brings the index up to date; resolves with what changed. @throws Error when the root cannot be read. */
  scan(): Promise<ScanStats> {
    if (!this.running) {
      this.running = this.scanOnce().finally(() => (this.running = undefined));
      return this.running;
    }
    this.queued ??= this.running.catch(() => undefined).then(() => {
      this.queued = undefined;
      return this.scan();
    });
    return this.queued;
  }

  private async scanOnce(): Promise<ScanStats> {
    const started = performance.now();
    const info = await stat(this.root);
    const listed = info.isDirectory() ? { files: await listFiles(this.root), missing: [] } : await readDicomdir(this.root);
    const present = new Set(listed.files);
    let removed = 0;
    for (const path of [...this.known.keys()]) {
      if (present.has(path)) continue;
      this.known.delete(path);
      this.skips.delete(path);
      this.duplicates.delete(path);
      if (this.index.removePath(path)) removed++;
    }
    for (const path of [...this.skips.keys()]) if (!present.has(path) && !this.known.has(path)) this.skips.delete(path);
    // Files that lost to a duplicate SOP Instance UID are looked at again: the winner may be gone.
    for (const path of this.duplicates.keys()) this.known.delete(path);
    for (const miss of listed.missing) this.skip(miss.path, miss.reason);
    let indexed = 0;
    const queue = [...listed.files];
    const worker = async (): Promise<void> => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        if (await this.refresh(path)) indexed++;
      }
    };
    await Promise.all(Array.from({ length: this.options.concurrency ?? 8 }, worker));
    return { files: listed.files.length, indexed, removed, skipped: this.skips.size + this.duplicates.size, durationMs: performance.now() - started };
  }

  /** Re-reads one file when it is new or changed; returns whether it was (re)indexed. */
  private async refresh(path: string): Promise<boolean> {
    let info;
    try {
      info = await stat(path);
    } catch {
      this.known.delete(path);
      this.index.removePath(path);
      return false;
    }
    const before = this.known.get(path);
    if (before && before.size === info.size && before.mtimeMs === info.mtimeMs) return false;
    this.known.set(path, { size: info.size, mtimeMs: info.mtimeMs });
    try {
      const instance = await readInstanceHeader(path);
      const existing = this.index.findSop(instance.SOPInstanceUID);
      if (existing && existing.path !== path && existing.path < path) {
        this.index.removePath(path);
        this.skips.delete(path);
        this.duplicate(path, instance.SOPInstanceUID);
        return false;
      }
      this.skips.delete(path);
      this.duplicates.delete(path);
      const displaced = this.index.add(instance);
      if (displaced && displaced.path !== path) this.duplicate(displaced.path, instance.SOPInstanceUID);
      return true;
    } catch (error) {
      this.index.removePath(path);
      this.duplicates.delete(path);
      const reason = error instanceof NotAnInstanceError ? error.message : `unreadable: ${error instanceof Error ? error.message : String(error)}`;
      this.skip(path, reason);
      return false;
    }
  }

  private duplicate(path: string, sop: string): void {
    if (this.duplicates.get(path) === sop) return;
    this.duplicates.set(path, sop);
    this.log(`folder ${this.root}: not serving ${path}: another file has its SOP Instance UID ${sop}`);
  }

  private skip(path: string, reason: string): void {
    if (this.skips.get(path) === reason) return;
    this.skips.set(path, reason);
    this.log(`folder ${this.root}: skipped ${path}: ${reason}`);
  }
}

/** Regular files under a folder, recursively; names starting with "." are left out. */
async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const parent = (entry as { parentPath?: string; path?: string }).parentPath ?? (entry as { path?: string }).path ?? root;
    if (relative(root, parent).split(/[\\/]/).some((segment) => segment.startsWith('.') && segment !== '..')) continue;
    files.push(join(parent, entry.name));
  }
  return files.sort((a, b) => (basename(a) === 'DICOMDIR' ? 1 : 0) - (basename(b) === 'DICOMDIR' ? 1 : 0) || a.localeCompare(b));
}
