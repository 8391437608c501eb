import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  GENESIS_HASH,
  chainRecord,
  checkRecordLine,
  validateAuditEvent,
  type AuditEvent,
  type AuditRecord,
  type HashFn,
} from '../../app/audit';
import { AuditLogError } from './AuditLogError';
import { readLastLine } from './readLastLine';
import { sha256Hex } from './sha256Hex';
import { acquireWriterLock, type WriterLock } from './writerLock';

/** Options of {@link AuditLog.open}. */
export interface AuditLogOptions {
  /** Flush each record to disk (fdatasync) before `append` resolves. Default false. */
  fsync?: boolean;
  /** Chain hash function; default SHA-256. */
  hashFn?: HashFn;
  /** Clock used when an event has no `EventDateTime`. */
  now?: () => Date;
}

/** An event to append; `EventDateTime` defaults to the log's clock. */
export type AuditEventInput = Omit<AuditEvent, 'EventDateTime'> & { EventDateTime?: string };

/**
 * Append-only, hash-chained audit log in JSON lines (one canonical record per
 * line, see app/audit). Records are written one at a time, in call order,
 * through an O_APPEND descriptor; each write is a whole line.
 *
 * One writer per file: two `AuditLog` instances (or processes) appending to the
 * same file would fork the chain, so `open` takes the file's writer lock
 * (writerLock.ts) and a second writer is refused until `close`.
 *
 * After a failed write the log refuses further appends (fail closed): the
 * file may hold a partial line, and chaining past it would hide the damage.
 */
export class AuditLog {
  private tail: Promise<unknown> = Promise.resolve();
  private failure: Error | undefined;
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private prevHash: string,
    private readonly options: Required<AuditLogOptions>,
    private readonly lock: WriterLock,
  ) {}

  /**
   * Opens (or creates, with its folder) the log at `path`, takes its writer
   * lock, and recovers the chain head from the last line.
   * @throws AuditLogError when another writer holds the log, or the last line is incomplete or not a valid record.
   */
  static async open(path: string, options: AuditLogOptions = {}): Promise<AuditLog> {
    const resolved: Required<AuditLogOptions> = {
      fsync: options.fsync ?? false,
      hashFn: options.hashFn ?? sha256Hex,
      now: options.now ?? (() => new Date()),
    };
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const lock = await acquireWriterLock(path);
    const handle = await open(path, 'a+', 0o600).catch(async (error: unknown) => {
      await lock.release();
      throw error;
    });
    try {
      const { lastLine, endsWithNewline } = await readLastLine(handle);
      if (!endsWithNewline) {
        throw new AuditLogError(`${path}: last line is incomplete (interrupted write?); verify the file and start a new log`);
      }
      let prevHash = GENESIS_HASH;
      if (lastLine !== '') {
        const check = checkRecordLine(lastLine, resolved.hashFn);
        if (!check.ok) throw new AuditLogError(`${path}: last record is not valid (${check.reason}); verify the file and start a new log`);
        prevHash = check.record.hash;
      }
      return new AuditLog(path, handle, prevHash, resolved, lock);
    } catch (error) {
      await handle.close();
      await lock.release();
      throw error;
    }
  }

  /** Hash of the last record written (the chain head), or the genesis hash. */
  get lastHash(): string {
    return this.prevHash;
  }

  /**
   * Validates, chains and appends an event. Calls are serialised: records
   * appear in the file in call order.
   * @returns the written record
   * @throws Error for an invalid event (nothing written), AuditLogError when the log is closed or failed.
   */
  append(event: AuditEventInput): Promise<AuditRecord> {
    if (this.closed) return Promise.reject(new AuditLogError(`${this.path}: audit log is closed`));
    let valid: AuditEvent;
    try {
      valid = validateAuditEvent({ ...event, EventDateTime: event.EventDateTime ?? this.options.now().toISOString() });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const run = this.tail.then(() => this.write(valid));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Waits for pending appends, then closes the file and releases its writer lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.tail;
    await this.handle.close();
    await this.lock.release();
  }

  private async write(event: AuditEvent): Promise<AuditRecord> {
    if (this.failure) throw new AuditLogError(`${this.path}: audit log unusable after a failed write: ${this.failure.message}`);
    const { record, line } = chainRecord(event, this.prevHash, this.options.hashFn);
    const bytes = Buffer.from(`${line}\n`, 'utf8');
    try {
      let offset = 0;
      while (offset < bytes.length) {
        const { bytesWritten } = await this.handle.write(bytes, offset, bytes.length - offset);
        offset += bytesWritten;
      }
      if (this.options.fsync) await this.handle.datasync();
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      throw new AuditLogError(`${this.path}: audit write failed: ${this.failure.message}`);
    }
    this.prevHash = record.hash;
    return record;
  }
}
