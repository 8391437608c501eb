import type { ReportDraft } from '../../app/report';
import { CacheRecordError } from './crypto/errors';
import type { Cache } from './openCache';
import { recordAad } from './recordAad';
import type { ReportRecord } from './schema';

/** The reader's report on a study, undefined when none was started; {@link CacheRecordError} when it does not decrypt. */
export async function getReportDraft(cache: Cache, nodeId: string, StudyInstanceUID: string): Promise<ReportDraft | undefined> {
  const record = await cache.db.reports.get([nodeId, StudyInstanceUID]);
  if (!record) return undefined;
  try {
    return await cache.cipher.openJson<ReportDraft>(record.sealed, recordAad.report(nodeId, StudyInstanceUID));
  } catch {
    throw new CacheRecordError('reports', undefined);
  }
}

/** Writes the report of a study (sealed: no text, name or UID in clear but the study's key). */
export async function putReportDraft(cache: Cache, nodeId: string, StudyInstanceUID: string, draft: ReportDraft): Promise<void> {
  const sealed = await cache.cipher.sealJson(draft, recordAad.report(nodeId, StudyInstanceUID));
  const record: ReportRecord = { nodeId, StudyInstanceUID, updatedAt: cache.now(), bytes: sealed.byteLength, sealed };
  await cache.db.reports.put(record);
}

/** Forgets the report of a study (a draft the reader discards; never a signed version that is not sent). */
export async function deleteReportDraft(cache: Cache, nodeId: string, StudyInstanceUID: string): Promise<void> {
  await cache.db.reports.delete([nodeId, StudyInstanceUID]);
}
