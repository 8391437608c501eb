import { studySummaryFromJson, WORKLIST_INCLUDE_FIELDS, type StudySummary } from '../../../app/dicom/studySummary';
import { buildQidoQuery, isDicomJsonDataset } from '../../../app/dicomweb';
import { isSamePatientForPriors, type PriorDecision } from '../../../app/identity';
import { getSharedCache, listCachedWorklist } from '../../cache';
import { nodeResourceUrl } from '../../../app/dicomweb/gatewayPaths';

/** A prior study of the patient on the same node, with the identity decision that let it in. */
export interface PriorStudy {
  summary: StudySummary;
  decision: Extract<PriorDecision, { prior: true }>;
}

/**
 * The other studies of the current study's patient on the same node, kept when
 * isSamePatientForPriors allows them as priors, most recent first. A study held in the local cache
 * takes its priors from the cache (the sync prefetches them), so it opens without any network
 * request; otherwise (not cached, or no prior cached yet while its node is reachable) the node is
 * asked (QIDO-RS study level, PS3.18 10.6.3.3.1, by PatientID and IssuerOfPatientID). An unreachable node gives no prior rather than an error.
 */
export async function findPriors(gatewayBaseUrl: string, current: StudySummary, signal?: AbortSignal): Promise<PriorStudy[]> {
  if (!current.PatientID) return [];
  const cache = await getSharedCache().catch(() => undefined);
  if (cache) {
    const cached = await listCachedWorklist(cache, new Set([current.nodeId])).catch(() => []);
    if (cached.some((s) => s.StudyInstanceUID === current.StudyInstanceUID)) {
      const priors = rankPriors(current, cached);
      // Listed from the cache because its node is unreachable: no request at all, only cached priors.
      if (priors.length > 0 || listedOffline(current)) return priors;
    }
  }
  const match: Record<string, string> = { PatientID: current.PatientID };
  if (current.IssuerOfPatientID) match.IssuerOfPatientID = current.IssuerOfPatientID;
  const query = buildQidoQuery({ match, includefield: [...WORKLIST_INCLUDE_FIELDS] });
  const response = await fetch(nodeResourceUrl(gatewayBaseUrl, current.nodeId, { kind: 'search', level: 'studies' }, query), {
    credentials: 'same-origin',
    signal,
    headers: { accept: 'application/dicom+json' },
  }).catch((error: unknown) => {
    if (signal?.aborted) throw error;
    return undefined;
  });
  if (!response?.ok || response.status === 204) return [];
  const body = (await response.json().catch(() => [])) as unknown;
  if (!Array.isArray(body)) return [];
  return rankPriors(current, body.filter(isDicomJsonDataset).flatMap((d) => studySummaryFromJson(current.nodeId, d) ?? []));
}

/** Whether the worklist listed the study from the local cache because its node could not be searched (offlineWorklist.ts). */
function listedOffline(study: StudySummary): boolean {
  return (study as StudySummary & { offline?: boolean }).offline === true;
}

/** The candidates the identity rule accepts as priors of `current`, most recent first. */
function rankPriors(current: StudySummary, candidates: readonly StudySummary[]): PriorStudy[] {
  const priors: PriorStudy[] = [];
  for (const summary of candidates) {
    const decision = isSamePatientForPriors(current, summary);
    if (decision.prior) priors.push({ summary, decision });
  }
  const key = (s: StudySummary) => `${s.StudyDate ?? ''}${s.StudyTime ?? ''}`;
  return priors.sort((a, b) => key(b.summary).localeCompare(key(a.summary)));
}
