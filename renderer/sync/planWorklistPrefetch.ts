import { familyNameOf } from '../../app/dicom/formatPersonName';
import type { StudySummary } from '../../app/dicom/studySummary';
import { planPrefetch, type PrefetchJob } from '../../app/sync';
import { rememberListedStudies } from '../cache/cachedWorklist';
import type { Cache } from '../cache/openCache';
import { doneStudyKeys } from '../cache/syncJobRepository';
import { searchStudies, type WorklistFilter } from '../gateway/searchStudies';

/** A planned job with the instance count its search reported (for progress before metadata). */
export type PlannedJob = PrefetchJob & { expectedInstances?: number };

/**
 * Plans the prefetch of a worklist: the worklist studies (federated search with `filter`), then
 * the priors of their patients found by one federated search per family name on every node
 * (matched by `planPrefetch` with `isSamePatientForPriors`, so a namesake is never taken for the
 * patient). Studies the queue already completed are left out.
 */
export async function planWorklistPrefetch(cache: Cache, gatewayBaseUrl: string, filter: WorklistFilter, signal?: AbortSignal): Promise<PlannedJob[]> {
  const worklist = (await searchStudies(gatewayBaseUrl, filter, signal)).studies;
  const families = [...new Set(worklist.map((s) => familyNameOf(s.PatientName)).filter((f): f is string => f !== undefined))];
  const searchResults: StudySummary[] = [];
  for (const family of families) searchResults.push(...(await searchStudies(gatewayBaseUrl, { patientName: family }, signal)).studies);
  rememberListedStudies([...searchResults, ...worklist]);
  const jobs = planPrefetch({ worklist, searchResults, cached: await doneStudyKeys(cache) });
  const counts = new Map([...searchResults, ...worklist].map((s) => [s.StudyInstanceUID, s.NumberOfStudyRelatedInstances]));
  return jobs.map((j) => ({ ...j, expectedInstances: counts.get(j.StudyInstanceUID) }));
}
