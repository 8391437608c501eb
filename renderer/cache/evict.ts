import { DEFAULT_RETENTION_MS, planEviction, type EvictionReason } from '../../app/sync/evictionPlan';
import { purgeOrphanMeasurements } from './measurementRepository';
import { outboxBytes, purgeSentOutbox } from './outboxRepository';
import { purgeOrphanReadStates } from './readStateRepository';
import { type Cache } from './openCache';
import { studyKey } from '../../app/sync/studyKey';
import { deleteAllStudies, deleteStudy, listStudyRecords, studiesWithOutbox } from './studyRepository';
import { Pinned } from './schema';

/** Share of the origin's quota the cache may use by default. */
export const DEFAULT_QUOTA_SHARE = 0.5;

/** The default size limit: a share of `navigator.storage.estimate().quota` (Infinity when unknown). */
export async function defaultLimitBytes(share = DEFAULT_QUOTA_SHARE): Promise<number> {
  const quota = (await navigator.storage?.estimate?.())?.quota;
  return quota ? Math.floor(quota * share) : Infinity;
}

/** Eviction settings; the clock is the cache's. */
export interface EvictOptions {
  /** Size limit in bytes; {@link defaultLimitBytes} when absent. */
  limitBytes?: number;
  /** Retention period in milliseconds; 7 days when absent. */
  retentionMs?: number;
}

/** What an eviction removed. */
export interface EvictResult {
  evicted: { nodeId: string; StudyInstanceUID: string; reason: EvictionReason; bytes: number }[];
  /** Bytes left: studies and outbox items. */
  remainingBytes: number;
  /** Pinned, open and outbox studies (with the outbox items) alone exceed the limit. */
  overLimit: boolean;
}

/**
 * Purges studies not accessed within the retention period, then evicts least recently used
 * studies until the cache is within its size limit — never a pinned study, one open in a viewer
 * (`markOpen`), or one with an unsent outbox item. The decision is app/sync/evictionPlan.ts.
 * Measurements go with their study; those of studies never cached, and the read states and
 * acknowledged outbox items of studies no longer cached, go once past the retention period.
 */
export async function evict(cache: Cache, options: EvictOptions = {}): Promise<EvictResult> {
  const limitBytes = options.limitBytes ?? (await defaultLimitBytes());
  const outbox = await studiesWithOutbox(cache);
  // Outbox items take room too but are never evicted: the studies get what they leave.
  const outboxTaken = await outboxBytes(cache);
  const studies = await listStudyRecords(cache);
  const byId = new Map(studies.map((s) => [studyKey(s.nodeId, s.StudyInstanceUID), s]));
  const plan = planEviction({
    studies: [...byId].map(([id, s]) => ({ id, bytes: s.bytes, lastAccess: s.lastAccess, pinned: s.pinned === Pinned.yes, open: cache.openStudies.has(id), hasOutbox: outbox.has(id) })),
    limitBytes: limitBytes - outboxTaken,
    now: cache.now(),
    retentionMs: options.retentionMs,
  });
  const evicted: EvictResult['evicted'] = [];
  for (const { id, reason } of plan.evict) {
    const s = byId.get(id)!;
    await deleteStudy(cache, s.nodeId, s.StudyInstanceUID);
    evicted.push({ nodeId: s.nodeId, StudyInstanceUID: s.StudyInstanceUID, reason, bytes: s.bytes });
  }
  const expired = cache.now() - (options.retentionMs ?? DEFAULT_RETENTION_MS);
  await purgeOrphanMeasurements(cache, expired);
  await purgeOrphanReadStates(cache, expired);
  await purgeSentOutbox(cache, expired);
  return { evicted, remainingBytes: plan.remainingBytes + outboxTaken, overLimit: plan.overLimit };
}

/** Purges only the studies past the retention period (no size limit). */
export function purgeExpired(cache: Cache, retentionMs?: number): Promise<EvictResult> {
  return evict(cache, { limitBytes: Infinity, retentionMs });
}

/**
 * Forgets every cached study (patients, studies, series, instances, frames, sync jobs, measurements),
 * pinned and open ones included. Unsent outbox items and the key check stay: a reader's answer is
 * never lost. Read states (UIDs only) stay too, until the retention period ends ({@link evict}).
 */
export function purgeAll(cache: Cache): Promise<void> {
  return deleteAllStudies(cache);
}
