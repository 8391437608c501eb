import { readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { AuditLogError } from './AuditLogError';

/** Who holds an audit log's writer lock (the content of its `.lock` file). */
export interface LockHolder {
  pid: number;
  hostname: string;
  since: string;
}

/** A held writer lock; `release` removes its file (once). */
export interface WriterLock {
  readonly path: string;
  release(): Promise<void>;
}

/** Whether a process of this machine is alive (signal 0 checks without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(path: string): Promise<LockHolder | undefined> {
  try {
    const holder = JSON.parse(await readFile(path, 'utf8')) as Partial<LockHolder>;
    return typeof holder.pid === 'number' && typeof holder.hostname === 'string' ? { pid: holder.pid, hostname: holder.hostname, since: String(holder.since ?? '') } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the single-writer lock of a file: `<file>.lock`, created exclusively, holding the writer's
 * pid, host name and start time. Two writers appending to one hash-chained audit log would fork
 * its chain, so a second writer (another Garde process, or web mode on the desktop app's data
 * folder) is refused with the holder named. A lock left by a process of this machine that no
 * longer runs (a crash) is taken over; one held from another machine is never guessed stale.
 * @throws AuditLogError when another live writer holds the lock, or the lock cannot be written.
 */
export async function acquireWriterLock(file: string): Promise<WriterLock> {
  const path = `${file}.lock`;
  const me: LockHolder = { pid: process.pid, hostname: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(path, `${JSON.stringify(me)}\n`, { flag: 'wx', mode: 0o600 });
      let released = false;
      return {
        path,
        release: async () => {
          if (released) return;
          released = true;
          await unlink(path).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new AuditLogError(`${path}: cannot take the audit log's writer lock: ${(error as Error).message}`);
    }
    const holder = await readHolder(path);
    const stale = holder !== undefined && holder.hostname === me.hostname && holder.pid !== process.pid && !alive(holder.pid);
    if (!stale) {
      const who = holder ? `process ${holder.pid} on ${holder.hostname}, since ${holder.since}` : 'an unreadable lock file';
      throw new AuditLogError(`${file}: the audit log is already being written by another Garde (${who}); close it first, or remove ${path} if that process is gone`);
    }
    await unlink(path).catch(() => undefined);
  }
  throw new AuditLogError(`${path}: cannot take the audit log's writer lock (another writer keeps taking it)`);
}
