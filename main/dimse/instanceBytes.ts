import { rm, writeFile } from 'node:fs/promises';
import { joinChunks } from './part10File';

type Chunks = readonly Buffer[];
const lengthOf = (chunks: Chunks): number => chunks.reduce((n, c) => n + c.length, 0);

/**
 * The bytes of the temporary store's instances, keyed by file path: held in memory up to
 * `maxMemoryBytes`, beyond which the oldest are written to their files (write-back) and dropped
 * from memory once written. An instance is readable from memory until its file is complete.
 */
export class InstanceBytes {
  private readonly memory = new Map<string, Chunks>();
  private readonly spilling = new Map<string, Chunks>();
  private readonly writes = new Map<string, Promise<void>>();
  private ready: Promise<void> | undefined;
  /** Bytes held in memory and not being written. */
  memoryBytes = 0;

  /**
   * @param ensureDir creates the directory of the files (called once, before the first write)
   * @param onWriteError called with the path of a file that could not be written (its bytes are gone)
   */
  constructor(
    private readonly maxMemoryBytes: number,
    private readonly ensureDir: () => Promise<void>,
    private readonly onWriteError: (path: string) => void,
  ) {}

  /** Holds the bytes of one instance; writes the oldest ones to files when memory is over its bound. */
  hold(path: string, chunks: Chunks): void {
    this.memory.set(path, chunks);
    this.memoryBytes += lengthOf(chunks);
    this.spill();
  }

  /** The chunks of `path` when still in memory; undefined when they must be read from the file. */
  chunks(path: string): Chunks | undefined {
    return this.memory.get(path) ?? this.spilling.get(path);
  }

  /** The bytes of `path` in one buffer when still in memory (joined once, then kept joined). */
  get(path: string): Buffer | undefined {
    const chunks = this.chunks(path);
    if (!chunks) return undefined;
    if (chunks.length === 1) return chunks[0];
    const joined = joinChunks(chunks);
    if (this.memory.has(path)) this.memory.set(path, [joined]);
    else this.spilling.set(path, [joined]);
    return joined;
  }

  /** Forgets one instance: drops its bytes, deletes its file (after a write under way ends). */
  delete(path: string): Promise<void> {
    const chunks = this.memory.get(path);
    if (chunks) {
      this.memory.delete(path);
      this.memoryBytes -= lengthOf(chunks);
      return Promise.resolve();
    }
    const write = this.writes.get(path) ?? Promise.resolve();
    return write.then(() => rm(path, { force: true }));
  }

  /** Drops every byte held in memory and waits for the writes under way. */
  async clear(): Promise<void> {
    this.memory.clear();
    this.memoryBytes = 0;
    await Promise.all(this.writes.values());
  }

  private spill(): void {
    for (const [path, chunks] of this.memory) {
      if (this.memoryBytes <= this.maxMemoryBytes) break;
      this.memory.delete(path);
      this.memoryBytes -= lengthOf(chunks);
      this.spilling.set(path, chunks);
      this.ready ??= this.ensureDir();
      const write = this.ready
        .then(() => writeFile(path, chunks))
        .catch(() => this.onWriteError(path))
        .finally(() => {
          this.spilling.delete(path);
          this.writes.delete(path);
        });
      this.writes.set(path, write);
    }
  }
}
