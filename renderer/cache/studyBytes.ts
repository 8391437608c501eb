import type { CacheDb, StudyRecord } from './schema';
import { Pinned } from './schema';

/**
 * Adds `delta` bytes to a study's size, creating a placeholder study record when frames arrive
 * before its metadata. Call inside a read-write transaction over `studies`.
 */
export async function addStudyBytes(db: CacheDb, nodeId: string, StudyInstanceUID: string, delta: number, now: number): Promise<void> {
  const existing = await db.studies.get([nodeId, StudyInstanceUID]);
  if (existing) {
    await db.studies.update([nodeId, StudyInstanceUID], { bytes: Math.max(0, existing.bytes + delta) });
    return;
  }
  const placeholder: StudyRecord = { nodeId, StudyInstanceUID, patientKey: '', StudyDate: '', ModalitiesInStudy: [], lastAccess: now, pinned: Pinned.no, bytes: Math.max(0, delta) };
  await db.studies.add(placeholder);
}
