import type { StudySummary } from '../../app/dicom/studySummary';
import type { DicomJsonDataset } from '../../app/dicomweb/dicomJson';
import { CacheRecordError } from './crypto/errors';
import type { Cache } from './openCache';
import { recordAad } from './recordAad';
import type { Sealed, StudyRecord } from './schema';

/** How much of a study the cache holds: every instance with a frame, or only part of it. */
export type CacheState = 'cached' | 'partial';

type ListingField = 'worklist' | 'seriesList';

const aadOf: Record<ListingField, (nodeId: string, StudyInstanceUID: string) => string> = {
  worklist: recordAad.studyWorklist,
  seriesList: recordAad.studySeriesList,
};

/** Seals `value` into one field of an already cached study; false when the study is not cached. */
async function putField(cache: Cache, nodeId: string, StudyInstanceUID: string, field: ListingField, value: unknown): Promise<boolean> {
  const sealed = await cache.cipher.sealJson(value, aadOf[field](nodeId, StudyInstanceUID));
  const { db } = cache;
  return db.transaction('rw', db.studies, async () => {
    const study = await db.studies.get([nodeId, StudyInstanceUID]);
    if (!study) return false;
    const bytes = Math.max(0, study.bytes + sealed.byteLength - (study[field]?.byteLength ?? 0));
    await db.studies.put({ ...study, [field]: sealed, bytes });
    return true;
  });
}

async function openField<T>(cache: Cache, study: StudyRecord, field: ListingField): Promise<T | undefined> {
  const sealed: Sealed | undefined = study[field];
  if (!sealed) return undefined;
  try {
    return await cache.cipher.openJson<T>(sealed, aadOf[field](study.nodeId, study.StudyInstanceUID));
  } catch {
    throw new CacheRecordError('studies', undefined);
  }
}

/**
 * Keeps the worklist's record of a cached study (its last-known state, shown when its node cannot
 * be reached). False when the study is not cached: nothing is stored for studies never opened.
 */
export function putWorklistRecord(cache: Cache, summary: StudySummary): Promise<boolean> {
  return putField(cache, summary.nodeId, summary.StudyInstanceUID, 'worklist', summary);
}

/** The worklist record last kept for a study, or undefined. */
export async function getWorklistRecord(cache: Cache, nodeId: string, StudyInstanceUID: string): Promise<StudySummary | undefined> {
  const study = await cache.db.studies.get([nodeId, StudyInstanceUID]);
  return study && openField<StudySummary>(cache, study, 'worklist');
}

/** Keeps a cached study's series list exactly as QIDO-RS served it (PS3.18 10.6.3.3.2); false when the study is not cached. */
export function putSeriesList(cache: Cache, nodeId: string, StudyInstanceUID: string, rows: readonly DicomJsonDataset[]): Promise<boolean> {
  return putField(cache, nodeId, StudyInstanceUID, 'seriesList', rows);
}

/** A cached study's series list as QIDO-RS served it, or undefined when none was kept. */
export async function getSeriesList(cache: Cache, nodeId: string, StudyInstanceUID: string): Promise<DicomJsonDataset[] | undefined> {
  const study = await cache.db.studies.get([nodeId, StudyInstanceUID]);
  return study && openField<DicomJsonDataset[]>(cache, study, 'seriesList');
}

/**
 * Whether a cached study is complete: `cached` when it holds the metadata of every instance the
 * study has (NumberOfStudyRelatedInstances of its worklist record, else every instance whose
 * metadata is cached) and every frame of them (NumberOfFrames kept in clear on each instance
 * record; one for records written before it was); `partial` otherwise. Nothing is decrypted.
 */
export async function cacheStateOf(cache: Cache, nodeId: string, StudyInstanceUID: string, expectedInstances?: number): Promise<CacheState> {
  const key: [string, string] = [nodeId, StudyInstanceUID];
  let instances = 0;
  let expectedFrames = 0;
  await cache.db.instances.where('[nodeId+StudyInstanceUID]').equals(key).each((r) => {
    instances += 1;
    expectedFrames += r.NumberOfFrames ?? 1;
  });
  const frames = await cache.db.frames.where('[nodeId+StudyInstanceUID]').equals(key).count();
  const expected = expectedInstances ?? instances;
  return instances > 0 && instances >= expected && frames >= Math.max(expected, expectedFrames) ? 'cached' : 'partial';
}
