import { CacheRecordError } from './crypto/errors';
import type { Cache } from './openCache';
import { recordAad } from './recordAad';
import type { MeasurementRecord } from './schema';

/**
 * The measurements this reader drew on a study, as stored (JSON values, e.g. Cornerstone3D
 * annotations); empty when there are none. {@link CacheRecordError} when the record does not decrypt.
 */
export async function getMeasurements(cache: Cache, nodeId: string, StudyInstanceUID: string): Promise<unknown[]> {
  const record = await cache.db.measurements.get([nodeId, StudyInstanceUID]);
  if (!record) return [];
  try {
    const value = await cache.cipher.openJson<unknown>(record.sealed, recordAad.measurements(nodeId, StudyInstanceUID));
    return Array.isArray(value) ? value : [];
  } catch {
    throw new CacheRecordError('measurements', undefined);
  }
}

/**
 * Replaces the measurements of a study (sealed: no figure, label or image reference in clear).
 * An empty list deletes the record.
 */
export async function putMeasurements(cache: Cache, nodeId: string, StudyInstanceUID: string, measurements: readonly unknown[]): Promise<void> {
  if (measurements.length === 0) return deleteMeasurements(cache, nodeId, StudyInstanceUID);
  const sealed = await cache.cipher.sealJson(measurements, recordAad.measurements(nodeId, StudyInstanceUID));
  const record: MeasurementRecord = { nodeId, StudyInstanceUID, updatedAt: cache.now(), bytes: sealed.byteLength, sealed };
  await cache.db.measurements.put(record);
}

/** Forgets the measurements of a study. */
export async function deleteMeasurements(cache: Cache, nodeId: string, StudyInstanceUID: string): Promise<void> {
  await cache.db.measurements.delete([nodeId, StudyInstanceUID]);
}

/**
 * Deletes the measurements last changed before `before` whose study is not in the cache (drawn on
 * a study viewed from the PACS and never cached): retention applies to them as to cached studies.
 * Returns how many were deleted.
 */
export async function purgeOrphanMeasurements(cache: Cache, before: number): Promise<number> {
  const { db } = cache;
  return db.transaction('rw', [db.measurements, db.studies], async () => {
    const old = await db.measurements.where('updatedAt').below(before).primaryKeys();
    const studies = await db.studies.bulkGet(old);
    const orphans = old.filter((_, i) => studies[i] === undefined);
    await db.measurements.bulkDelete(orphans);
    return orphans.length;
  });
}
