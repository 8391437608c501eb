import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readPart10Identity, type Part10Identity } from './part10File';
import { InstanceBytes } from './instanceBytes';

/** One instance held in the temporary store. */
export interface StoredInstance extends Part10Identity {
  path: string;
  size: number;
}

interface SeriesEntry {
  instances: Map<string, StoredInstance>;
  complete: boolean;
  bytes: number;
  lastUsed: number;
}

/** Default bound of the temporary store: 2 GiB. */
export const DEFAULT_MAX_TEMP_BYTES = 2 * 1024 ** 3;
/** Default bound of the bytes the store keeps in memory: 512 MiB (a large CT series). */
export const DEFAULT_MAX_MEMORY_BYTES = 512 * 1024 ** 2;

/**
 * A bounded temporary store of retrieved Part 10 files (PS3.10), grouped by series. Instances are
 * kept in memory first and written to files only when the memory bound is exceeded (oldest first),
 * so a series just retrieved is answered without touching the disk. Series are the unit of
 * eviction: when the total size exceeds `maxBytes`, the least recently used series are deleted
 * (never a pinned one, e.g. the series a request is being answered from). Everything is deleted on
 * {@link close}.
 */
export class TempInstanceStore {
  private readonly series = new Map<string, SeriesEntry>();
  private readonly bySop = new Map<string, StoredInstance>();
  private readonly bytes: InstanceBytes;
  private totalBytes = 0;
  private clock = 0;
  private counter = 0;

  constructor(
    readonly dir: string,
    readonly maxBytes: number = DEFAULT_MAX_TEMP_BYTES,
    maxMemoryBytes: number = Math.min(maxBytes, DEFAULT_MAX_MEMORY_BYTES),
  ) {
    this.bytes = new InstanceBytes(maxMemoryBytes, () => mkdir(dir, { recursive: true }).then(() => undefined), (path) => this.forget(path));
  }

  /** Bytes currently held (in memory and in files). */
  get size(): number {
    return this.totalBytes;
  }

  /** Bytes currently held in memory. */
  get memorySize(): number {
    return this.bytes.memoryBytes;
  }

  /** Holds one Part 10 file (one buffer or its chunks) and indexes it by its UIDs. @throws Error for a file without UIDs. */
  async put(part10: Buffer | readonly Buffer[]): Promise<StoredInstance> {
    const chunks = Buffer.isBuffer(part10) ? [part10] : part10;
    const identity = readPart10Identity(chunks);
    const path = join(this.dir, `${++this.counter}.dcm`);
    const stored: StoredInstance = { ...identity, path, size: chunks.reduce((n, c) => n + c.length, 0) };
    const entry = this.entry(identity.StudyInstanceUID, identity.SeriesInstanceUID, true)!;
    const previous = entry.instances.get(identity.SOPInstanceUID);
    if (previous) {
      entry.bytes -= previous.size;
      this.totalBytes -= previous.size;
      this.bytes.delete(previous.path).catch(() => undefined);
    }
    entry.instances.set(identity.SOPInstanceUID, stored);
    entry.bytes += stored.size;
    this.totalBytes += stored.size;
    this.bySop.set(identity.SOPInstanceUID, stored);
    this.bytes.hold(path, chunks);
    return stored;
  }

  /** Marks a series as fully retrieved (answers for it need no new retrieve). */
  markComplete(study: string, series: string): void {
    const entry = this.entry(study, series, true)!;
    entry.complete = true;
  }

  /** Whether a series was fully retrieved and is still held. */
  isComplete(study: string, series: string): boolean {
    return this.entry(study, series, false)?.complete ?? false;
  }

  /** The instances held of a series, in arrival order; marks the series as recently used. */
  seriesInstances(study: string, series: string): StoredInstance[] {
    const entry = this.entry(study, series, false);
    if (!entry) return [];
    entry.lastUsed = ++this.clock;
    return [...entry.instances.values()];
  }

  /** One instance by SOP Instance UID, if held. */
  instance(sopInstanceUid: string): StoredInstance | undefined {
    return this.bySop.get(sopInstanceUid);
  }

  /** The bytes of a stored instance: from memory when still there, else from its file. */
  async read(instance: StoredInstance): Promise<Buffer> {
    return this.bytes.get(instance.path) ?? readFile(instance.path);
  }

  /** Deletes least recently used series until the store fits in `maxBytes`; `pinned` series keys are kept. */
  async purge(pinned: ReadonlySet<string> = new Set()): Promise<void> {
    if (this.totalBytes <= this.maxBytes) return;
    const candidates = [...this.series.entries()].filter(([key]) => !pinned.has(key)).sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (const [key, entry] of candidates) {
      if (this.totalBytes <= this.maxBytes) break;
      this.series.delete(key);
      this.totalBytes -= entry.bytes;
      for (const instance of entry.instances.values()) {
        if (this.bySop.get(instance.SOPInstanceUID) === instance) this.bySop.delete(instance.SOPInstanceUID);
      }
      await Promise.all([...entry.instances.values()].map((i) => this.bytes.delete(i.path)));
    }
  }

  /** Deletes every file and the directory. */
  async close(): Promise<void> {
    this.series.clear();
    this.bySop.clear();
    this.totalBytes = 0;
    await this.bytes.clear();
    await rm(this.dir, { recursive: true, force: true });
  }

  /** An instance whose file could not be written: dropped, and its series is no longer complete. */
  private forget(path: string): void {
    for (const entry of this.series.values()) {
      for (const [sop, instance] of entry.instances) {
        if (instance.path !== path) continue;
        entry.instances.delete(sop);
        entry.bytes -= instance.size;
        entry.complete = false;
        this.totalBytes -= instance.size;
        if (this.bySop.get(sop) === instance) this.bySop.delete(sop);
        return;
      }
    }
  }

  private entry(study: string, series: string, create: boolean): SeriesEntry | undefined {
    const key = seriesKey(study, series);
    let entry = this.series.get(key);
    if (!entry && create) {
      entry = { instances: new Map(), complete: false, bytes: 0, lastUsed: ++this.clock };
      this.series.set(key, entry);
    }
    return entry;
  }
}

/** The key of a series in the store. */
export function seriesKey(study: string, series: string): string {
  return `${study}/${series}`;
}
