import type { FrameInput } from '../cache/frameRepository';
import type { FrameStore } from './workerFrameStore';

/** How a {@link FrameWriter} groups its writes. */
export interface FrameWriterOptions {
  /** Writes (encrypt + one IndexedDB transaction each) at once; default 2, so one encrypts while the other commits. */
  maxInFlight?: number;
  /** Frame bytes received but not yet stored above which {@link FrameWriter.add} waits; default 64 MB. */
  maxPendingBytes?: number;
  /**
   * Queued bytes from which a write starts (default 8 MB): a transaction has a cost of its own, so
   * one per frame would write several times slower. Fewer are written after `flushMs` without new
   * frames, and at {@link FrameWriter.drain}.
   */
  minBatchBytes?: number;
  /** Time after which frames queued below `minBatchBytes` are written anyway; default 250 ms. */
  flushMs?: number;
}

/**
 * Stores the frames of a streamed retrieval without holding the stream back: frames handed to
 * {@link add} are written by a {@link FrameStore} (`putFrames` on the page's thread, or the frame
 * store worker), at most `maxInFlight` writes at once, in groups of about `minBatchBytes` (one
 * transaction for many instances). Each write is all or nothing, so an instance is either wholly stored or absent.
 * {@link drain} waits until everything handed over is stored.
 */
export class FrameWriter {
  private queued: FrameInput[] = [];
  private queuedBytes = 0;
  private pendingBytes = 0;
  private flushing = false;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = 0;
  private failure: { error: unknown } | undefined;
  private waiters: (() => void)[] = [];
  private readonly maxInFlight: number;
  private readonly maxPendingBytes: number;
  private readonly minBatchBytes: number;
  private readonly flushMs: number;

  constructor(
    private readonly store: FrameStore,
    /** Called with the number of frames of each completed write. */
    private readonly onStored: (frames: number) => void,
    options: FrameWriterOptions = {},
  ) {
    this.maxInFlight = options.maxInFlight ?? 2;
    this.maxPendingBytes = options.maxPendingBytes ?? 64e6;
    this.minBatchBytes = options.minBatchBytes ?? 8e6;
    this.flushMs = options.flushMs ?? 250;
  }

  /** Queues frames for storing; waits while too many bytes are pending. Throws the first failed write. */
  async add(frames: readonly FrameInput[]): Promise<void> {
    this.throwIfFailed();
    const bytes = frames.reduce((n, f) => n + f.bytes.byteLength, 0);
    this.queued.push(...frames);
    this.queuedBytes += bytes;
    this.pendingBytes += bytes;
    this.kick();
    this.armFlush();
    while (this.pendingBytes > this.maxPendingBytes && !this.failure) await this.changed();
    this.throwIfFailed();
  }

  /** Waits until every queued frame is stored; throws the first failed write. */
  async drain(): Promise<void> {
    this.flushing = true;
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.kick();
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

  /** Writes what is queued at most `flushMs` after it was queued. */
  private armFlush(): void {
    if (this.flushTimer !== undefined || this.queued.length === 0 || this.flushing) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.flushing = true;
      this.kick();
      this.flushing = false;
      this.armFlush();
    }, this.flushMs);
  }

  private kick(): void {
    while (!this.failure && this.inFlight < this.maxInFlight && this.queued.length > 0 && (this.flushing || this.queuedBytes >= this.minBatchBytes)) {
      const frames = this.queued;
      const bytes = this.queuedBytes;
      this.queued = [];
      this.queuedBytes = 0;
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
      this.inFlight += 1;
      this.store(frames)
        .then(
          () => this.onStored(frames.length),
          (error: unknown) => void (this.failure ??= { error }),
        )
        .finally(() => {
          this.inFlight -= 1;
          this.pendingBytes -= bytes;
          this.kick();
          this.armFlush();
          for (const wake of this.waiters.splice(0)) wake();
        });
    }
  }
}
