import { putFrames, type FrameInput } from '../cache/frameRepository';
import type { Cache } from '../cache/openCache';

/** How a {@link FrameWriter} groups its writes. */
export interface FrameWriterOptions {
  /** Writes (encrypt + one IndexedDB transaction each) at once; default 2, so one encrypts while the other commits. */
  maxInFlight?: number;
  /** Frame bytes received but not yet stored above which {@link FrameWriter.add} waits; default 64 MB. */
  maxPendingBytes?: number;
}

/**
 * Stores the frames of a streamed retrieval without holding the stream back: frames handed to
 * {@link add} are written by `putFrames`, at most `maxInFlight` writes at once, and the frames
 * that arrive while writes are running are grouped into the next write (one transaction for many
 * instances). Each write is all or nothing, so an instance is either wholly stored or absent.
 * {@link drain} waits until everything handed over is stored.
 */
export class FrameWriter {
  private queued: FrameInput[] = [];
  private pendingBytes = 0;
  private inFlight = 0;
  private failure: { error: unknown } | undefined;
  private waiters: (() => void)[] = [];
  private readonly maxInFlight: number;
  private readonly maxPendingBytes: number;

  constructor(
    private readonly cache: Cache,
    /** Called with the number of frames of each completed write. */
    private readonly onStored: (frames: number) => void,
    options: FrameWriterOptions = {},
  ) {
    this.maxInFlight = options.maxInFlight ?? 2;
    this.maxPendingBytes = options.maxPendingBytes ?? 64e6;
  }

  /** Queues frames for storing; waits while too many bytes are pending. Throws the first failed write. */
  async add(frames: readonly FrameInput[]): Promise<void> {
    this.throwIfFailed();
    this.queued.push(...frames);
    this.pendingBytes += frames.reduce((n, f) => n + f.bytes.byteLength, 0);
    this.kick();
    while (this.pendingBytes > this.maxPendingBytes && !this.failure) await this.changed();
    this.throwIfFailed();
  }

  /** Waits until every queued frame is stored; throws the first failed write. */
  async drain(): Promise<void> {
    while ((this.inFlight > 0 || this.queued.length > 0) && !this.failure) await this.changed();
    while (this.inFlight > 0) await this.changed();
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }

  private changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private kick(): void {
    while (!this.failure && this.inFlight < this.maxInFlight && this.queued.length > 0) {
      const frames = this.queued;
      this.queued = [];
      const bytes = frames.reduce((n, f) => n + f.bytes.byteLength, 0);
      this.inFlight += 1;
      putFrames(this.cache, frames)
        .then(
          () => this.onStored(frames.length),
          (error: unknown) => void (this.failure ??= { error }),
        )
        .finally(() => {
          this.inFlight -= 1;
          this.pendingBytes -= bytes;
          this.kick();
          for (const wake of this.waiters.splice(0)) wake();
        });
    }
  }
}
