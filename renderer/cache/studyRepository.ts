import { type Cache } from './openCache';
import { studyKey } from '../../app/sync/studyKey';
import { OUTBOX_STATE } from '../../app/sync';
import { Pinned, type StudyRecord } from './schema';

/** A cached study as lists show it (nothing decrypted). */
export interface CachedStudy {
  nodeId: string;
  StudyInstanceUID: string;
  StudyDate: string;
  ModalitiesInStudy: string[];
  bytes: number;
  /** Milliseconds since the epoch. */
  lastAccess: number;
  pinned: boolean;
}

function toCachedStudy(r: StudyRecord): CachedStudy {
  return { nodeId: r.nodeId, StudyInstanceUID: r.StudyInstanceUID, StudyDate: r.StudyDate, ModalitiesInStudy: r.ModalitiesInStudy ?? [], bytes: r.bytes, lastAccess: r.lastAccess, pinned: r.pinned === Pinned.yes };
}

/** Every cached study, most recently accessed first. */
export async function listCachedStudies(cache: Cache): Promise<CachedStudy[]> {
  return (await cache.db.studies.orderBy('lastAccess').reverse().toArray()).map(toCachedStudy);
}

/** One cached study, or undefined. */
export async function getCachedStudy(cache: Cache, nodeId: string, StudyInstanceUID: string): Promise<CachedStudy | undefined> {
  const record = await cache.db.studies.get([nodeId, StudyInstanceUID]);
  return record && toCachedStudy(record);
}

/** Pins (never evicted nor purged) or unpins a study; false when it is not cached. */
export async function setPinned(cache: Cache, nodeId: string, StudyInstanceUID: string, pinned: boolean): Promise<boolean> {
  return (await cache.db.studies.update([nodeId, StudyInstanceUID], { pinned: pinned ? Pinned.yes : Pinned.no })) > 0;
}

/** Records an access now (the cache's clock); false when the study is not cached. */
export async function touchStudy(cache: Cache, nodeId: string, StudyInstanceUID: string): Promise<boolean> {
  return (await cache.db.studies.update([nodeId, StudyInstanceUID], { lastAccess: cache.now() })) > 0;
}

/** Marks a study as shown in a viewer (never evicted) until the returned function is called. */
export function markOpen(cache: Cache, nodeId: string, StudyInstanceUID: string): () => void {
  const id = studyKey(nodeId, StudyInstanceUID);
  cache.openStudies.add(id);
  return () => cache.openStudies.delete(id);
}

/**
 * Deletes a study and all its records (series, instances, frames, sync jobs, the reader's
 * measurements), and its patient when no other cached study refers to it. Outbox items are kept:
 * they are sent whatever the cache holds.
 */
export async function deleteStudy(cache: Cache, nodeId: string, StudyInstanceUID: string): Promise<void> {
  const { db } = cache;
  const key: [string, string] = [nodeId, StudyInstanceUID];
  await db.transaction('rw', [db.studies, db.series, db.instances, db.frames, db.syncJobs, db.patients, db.measurements], async () => {
    const study = await db.studies.get(key);
    await db.frames.where('[nodeId+StudyInstanceUID]').equals(key).delete();
    await db.instances.where('[nodeId+StudyInstanceUID]').equals(key).delete();
    await db.series.where('[nodeId+StudyInstanceUID]').equals(key).delete();
    await db.syncJobs.where('[nodeId+StudyInstanceUID]').equals(key).delete();
    await db.measurements.delete(key);
    await db.studies.delete(key);
    if (study?.patientKey && (await db.studies.where('patientKey').equals(study.patientKey).count()) === 0) await db.patients.delete(study.patientKey);
  });
}

/** Studies with something in the outbox not yet acknowledged, by `studyKey`. */
export async function studiesWithOutbox(cache: Cache): Promise<Set<string>> {
  const items = await cache.db.outbox.where('state').notEqual(OUTBOX_STATE.acknowledged).toArray();
  return new Set(items.map((i) => studyKey(i.nodeId, i.StudyInstanceUID)));
}

/** What the cache takes: bytes per study and in total (sealed record sizes), and the browser's estimate. */
export interface CacheUsage {
  studies: { nodeId: string; StudyInstanceUID: string; bytes: number }[];
  /** Studies plus outbox items. */
  totalBytes: number;
  /** `navigator.storage.estimate()` for the whole origin, when available. */
  estimate?: { usage: number; quota: number };
}

/** See {@link CacheUsage}. */
export async function usage(cache: Cache): Promise<CacheUsage> {
  const studies = (await cache.db.studies.toArray()).map((s) => ({ nodeId: s.nodeId, StudyInstanceUID: s.StudyInstanceUID, bytes: s.bytes }));
  let outboxBytes = 0;
  await cache.db.outbox.each((o) => (outboxBytes += o.bytes));
  const out: CacheUsage = { studies, totalBytes: studies.reduce((sum, s) => sum + s.bytes, outboxBytes) };
  if (typeof navigator !== 'undefined' && navigator.storage?.estimate) {
    const e = await navigator.storage.estimate();
    out.estimate = { usage: e.usage ?? 0, quota: e.quota ?? 0 };
  }
  return out;
}

/** The study records of some nodes (all when absent), as the index holds them (nothing decrypted). */
export async function listStudyRecords(cache: Cache, nodeIds?: ReadonlySet<string>): Promise<StudyRecord[]> {
  return (nodeIds ? cache.db.studies.where('nodeId').anyOf([...nodeIds]) : cache.db.studies).toArray();
}

/** The study records of these studies, in their order (undefined where not cached). */
export async function getStudyRecords(cache: Cache, studies: readonly { nodeId: string; StudyInstanceUID: string }[]): Promise<(StudyRecord | undefined)[]> {
  return cache.db.studies.bulkGet(studies.map((s) => [s.nodeId, s.StudyInstanceUID] as [string, string]));
}

/**
 * Forgets every cached study (patients, studies, series, instances, frames, sync jobs, measurements),
 * pinned and open ones included; the outbox, read states and settings stay.
 */
export async function deleteAllStudies(cache: Cache): Promise<void> {
  const { db } = cache;
  await db.transaction('rw', [db.patients, db.studies, db.series, db.instances, db.frames, db.syncJobs, db.measurements], async () => {
    await Promise.all([db.patients.clear(), db.studies.clear(), db.series.clear(), db.instances.clear(), db.frames.clear(), db.syncJobs.clear(), db.measurements.clear()]);
  });
}

