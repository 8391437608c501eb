import { familyNameOf } from '../../../app/dicom/formatPersonName';
import type { StudySummary } from '../../../app/dicom/studySummary';
import { findPriors, type PriorCandidate } from '../../../app/sync';
import { getSharedCache, listCachedWorklist, rememberListedStudies } from '../../cache';
import { searchStudies, type WorklistFilter } from '../../gateway/searchStudies';

/**
 * The priors of the current study from every node, by the one prior rule of the workstation
 * (`findPriors` in app/sync, also used by the prefetch planner): same patient by the identity rules
 * (issuer + ID, national identifiers, never a silent merge), not later than the current study, one
 * record per study (preferably on the current study's node), most recent first. Each prior keeps
 * the nodeId of the node it was found on: its metadata and frames are read there.
 *
 * Candidates: the gateway's federated search on every node (by the patient's family name, as the
 * prefetch planner searches, and by PatientID), plus the studies of every node held in the local
 * cache. A study the worklist listed from the cache because its node could not be searched takes
 * its priors from the cache only, without any request. A failed search gives no candidate rather
 * than an error.
 */
export async function gatherPriors(gatewayBaseUrl: string, current: StudySummary, signal?: AbortSignal): Promise<PriorCandidate[]> {
  const cache = await getSharedCache().catch(() => undefined);
  const cached = cache ? await listCachedWorklist(cache).catch(() => []) : [];
  if (listedOffline(current)) return findPriors(current, cached);
  const searched = await searchCandidates(gatewayBaseUrl, current, signal);
  rememberListedStudies(searched);
  return findPriors(current, [...searched, ...cached]);
}

/** Whether the worklist listed the study from the local cache because its node could not be searched (offlineWorklist.ts). */
function listedOffline(study: StudySummary): boolean {
  return (study as StudySummary & { offline?: boolean }).offline === true;
}

/** The studies of every node found by the patient's family name and by its PatientID (QIDO-RS, PS3.18 10.6.3.3.1). */
async function searchCandidates(gatewayBaseUrl: string, current: StudySummary, signal?: AbortSignal): Promise<StudySummary[]> {
  const filters: WorklistFilter[] = [];
  const family = familyNameOf(current.PatientName);
  if (family) filters.push({ patientName: family });
  if (current.PatientID) filters.push({ patientId: current.PatientID });
  const found = await Promise.all(
    filters.map((filter) =>
      searchStudies(gatewayBaseUrl, filter, signal).then(
        (result) => result.studies,
        (error: unknown) => {
          if (signal?.aborted) throw error;
          return [];
        },
      ),
    ),
  );
  return found.flat();
}
