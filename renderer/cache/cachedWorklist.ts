import { studySummaryFromJson, type StudySummary } from '../../app/dicom/studySummary';
import type { WorklistFilter } from '../gateway/searchStudies';
import { getStudyAttributes } from './metadataRepository';
import type { Cache } from './openCache';
import { cacheStateOf, getWorklistRecord, type CacheState } from './studyListingRepository';
import { studyKey } from '../../app/sync/studyKey';
import { listStudyRecords } from './studyRepository';

/** A worklist row as the renderer shows it: the node's record, plus what the local cache holds of it. */
export interface WorklistStudy extends StudySummary {
  /** Present when the study is in the local cache. */
  cacheState?: CacheState;
  /** True when the row comes from the cache because its node could not be searched. */
  offline?: boolean;
}

/**
 * Worklist records of the studies the worklist listed this session, by `nodeId|StudyInstanceUID`:
 * kept with a study when it gets cached (a study opened from the worklist is cached as it is viewed).
 */
const listed = new Map<string, StudySummary>();
const LISTED_LIMIT = 20_000;

/** Remembers the records of a worklist search (the most recent {@link LISTED_LIMIT}). */
export function rememberListedStudies(studies: readonly StudySummary[]): void {
  for (const s of studies) {
    const key = studyKey(s.nodeId, s.StudyInstanceUID);
    listed.delete(key);
    listed.set(key, s);
  }
  for (const key of listed.keys()) {
    if (listed.size <= LISTED_LIMIT) break;
    listed.delete(key);
  }
}

/** The record under which the worklist last listed a study this session, if it did. */
export function listedStudy(nodeId: string, StudyInstanceUID: string): StudySummary | undefined {
  return listed.get(studyKey(nodeId, StudyInstanceUID));
}

/** Whether a study matches the worklist filter, as the node's QIDO-RS matching would (PS3.18 8.3.4). */
export function matchesFilter(s: StudySummary, filter: WorklistFilter): boolean {
  const date = s.StudyDate ?? '';
  if (filter.fromDate && (!date || date < filter.fromDate)) return false;
  if (filter.toDate && (!date || date > filter.toDate)) return false;
  const name = filter.patientName?.trim();
  if (name) {
    const wanted = name.replace(/\s+/g, ' ').toUpperCase();
    if (!(s.PatientName ?? '').replace(/\^/g, ' ').replace(/\s+/g, ' ').toUpperCase().startsWith(wanted)) return false;
  }
  if (filter.patientId?.trim() && s.PatientID !== filter.patientId.trim()) return false;
  if (filter.accessionNumber?.trim() && s.AccessionNumber !== filter.accessionNumber.trim()) return false;
  if (filter.modality && !s.ModalitiesInStudy.includes(filter.modality)) return false;
  if (filter.studyInstanceUid && s.StudyInstanceUID !== filter.studyInstanceUid) return false;
  return true;
}

/**
 * The cached studies of the given nodes (of every node when `nodeIds` is absent) as worklist rows:
 * the worklist record kept with each study (its last-known state), else one rebuilt from its cached
 * patient and study attributes. Studies with neither (frames only) or whose records do not decrypt
 * are left out.
 */
export async function listCachedWorklist(cache: Cache, nodeIds?: ReadonlySet<string>): Promise<WorklistStudy[]> {
  const records = await listStudyRecords(cache, nodeIds);
  const rows = await Promise.all(
    records.map(async (r): Promise<WorklistStudy | undefined> => {
      try {
        const summary =
          (await getWorklistRecord(cache, r.nodeId, r.StudyInstanceUID)) ??
          (await getStudyAttributes(cache, r.nodeId, r.StudyInstanceUID).then((attributes) => attributes && studySummaryFromJson(r.nodeId, attributes)));
        if (!summary) return undefined;
        return { ...summary, cacheState: await cacheStateOf(cache, r.nodeId, r.StudyInstanceUID, summary.NumberOfStudyRelatedInstances) };
      } catch {
        return undefined;
      }
    }),
  );
  return rows.filter((r): r is WorklistStudy => r !== undefined);
}
