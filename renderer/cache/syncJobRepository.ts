import type { Table } from 'dexie';
import type { PrefetchJob, PrefetchReason, RetryableError } from '../../app/sync';
import { studyKey } from '../../app/sync/studyKey';
import type { Cache } from './openCache';
import { JobState, type SyncJobRecord } from './schema';

/**
 * A prefetch job as the runner keeps it in the cache's `syncJobs` table: the indexed fields of
 * {@link SyncJobRecord} plus why it was planned and when it may run again. `state` done is the
 * explicit mark that every frame of every instance of the study is stored.
 */
export interface SyncJobRow extends SyncJobRecord {
  reason?: PrefetchReason;
  /** For a prior: the worklist study it is a prior of. */
  forStudy?: string;
  /** Epoch milliseconds before which a queued job waits (backoff after a failure). */
  nextAttemptAt?: number;
  lastError?: RetryableError;
  /** NumberOfStudyRelatedInstances from the search, for progress before the metadata is known. */
  expectedInstances?: number;
  /** Frames stored and frames in all, as last counted (progress shown after a reload). */
  storedFrames?: number;
  totalFrames?: number;
}

/** The persisted job, with its id. */
export type StoredJob = SyncJobRow & { id: number };

function table(cache: Cache): Table<SyncJobRow, number> {
  return cache.db.syncJobs as unknown as Table<SyncJobRow, number>;
}

/**
 * Adds planned jobs to the persisted queue. A study already queued keeps its record and takes the
 * more urgent priority; a failed study is queued again, a done one only when `requeue` says so.
 */
export async function enqueueJobs(cache: Cache, jobs: readonly (PrefetchJob & { expectedInstances?: number })[], requeue = false): Promise<number> {
  const t = table(cache);
  let added = 0;
  await cache.db.transaction('rw', cache.db.syncJobs, async () => {
    for (const job of jobs) {
      const existing = await t.where('[nodeId+StudyInstanceUID]').equals([job.nodeId, job.StudyInstanceUID]).first();
      const now = cache.now();
      if (!existing) {
        await t.add({ nodeId: job.nodeId, StudyInstanceUID: job.StudyInstanceUID, state: JobState.queued, priority: job.priority, attempts: 0, createdAt: now, updatedAt: now, reason: job.reason, forStudy: job.forStudy, expectedInstances: job.expectedInstances });
        added += 1;
      } else if (existing.state === JobState.queued || existing.state === JobState.running) {
        await t.update(existing.id!, { priority: Math.min(existing.priority, job.priority), updatedAt: now });
      } else if (existing.state === JobState.failed || requeue) {
        await t.update(existing.id!, { priority: job.priority, state: JobState.queued, attempts: 0, nextAttemptAt: 0, updatedAt: now });
      }
    }
  });
  return added;
}

/** Every job, most urgent first (then oldest). */
export async function listJobs(cache: Cache): Promise<StoredJob[]> {
  const rows = (await table(cache).toArray()) as StoredJob[];
  return rows.sort((a, b) => a.priority - b.priority || a.id - b.id);
}

/** Queued jobs whose backoff has passed, most urgent first. */
export async function dueJobs(cache: Cache, now: number): Promise<StoredJob[]> {
  const rows = (await table(cache).where('state').equals(JobState.queued).toArray()) as StoredJob[];
  return rows.filter((r) => (r.nextAttemptAt ?? 0) <= now).sort((a, b) => a.priority - b.priority || a.id - b.id);
}

/** Updates a job; false when it no longer exists (cancelled, or its study deleted). */
export async function updateJob(cache: Cache, id: number, changes: Partial<SyncJobRow>): Promise<boolean> {
  return (await table(cache).update(id, { ...changes, updatedAt: cache.now() })) > 0;
}

/** A job by id. */
export async function getJob(cache: Cache, id: number): Promise<StoredJob | undefined> {
  return (await table(cache).get(id)) as StoredJob | undefined;
}

/** Jobs left `running` by a page that closed: queued again (what they stored stays). */
export async function requeueInterrupted(cache: Cache): Promise<void> {
  await table(cache).where('state').equals(JobState.running).modify({ state: JobState.queued });
}

/** Removes a study's job (cancel); what was stored stays in the cache. */
export async function removeJob(cache: Cache, nodeId: string, StudyInstanceUID: string): Promise<void> {
  await table(cache).where('[nodeId+StudyInstanceUID]').equals([nodeId, StudyInstanceUID]).delete();
}

/** Failed jobs queued again (after a resume or when the network comes back). */
export async function requeueFailed(cache: Cache): Promise<void> {
  await table(cache).where('state').equals(JobState.failed).modify({ state: JobState.queued, attempts: 0, nextAttemptAt: 0 });
}

/** The studies whose job is done (every frame stored), by `studyKey`. */
export async function doneStudyKeys(cache: Cache): Promise<Set<string>> {
  const done = await cache.db.syncJobs.where('state').equals(JobState.done).toArray();
  return new Set(done.map((j) => studyKey(j.nodeId, j.StudyInstanceUID)));
}
