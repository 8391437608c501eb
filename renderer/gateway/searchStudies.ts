import { studySummaryFromJson, WORKLIST_INCLUDE_FIELDS, type StudySummary } from '../../app/dicom/studySummary';
import { buildQidoQuery } from '../../app/dicomweb';
import { gatewayUrl, type FederatedSearchResult, type NodeSearchOutcome } from '../../app/dicomweb/gatewayPaths';

/** What the reader filters the worklist by. */
export interface WorklistFilter {
  /** DICOM DA, inclusive. */
  fromDate?: string;
  toDate?: string;
  patientName?: string;
  patientId?: string;
  accessionNumber?: string;
  modality?: string;
  studyInstanceUid?: string;
}

/** One node's share of the search, as the gateway reports it. */
export type NodeOutcome = NodeSearchOutcome;

/** A federated worklist search result. */
export interface WorklistResult {
  studies: StudySummary[];
  nodes: NodeOutcome[];
}

/**
 * Searches studies on every node at once through the gateway (`<gateway>/search/studies`).
 * A name is matched as a prefix, case-insensitively where the node supports fuzzy matching.
 */
export async function searchStudies(gatewayBaseUrl: string, filter: WorklistFilter, signal?: AbortSignal): Promise<WorklistResult> {
  const match: Record<string, string> = {};
  if (filter.fromDate || filter.toDate) match.StudyDate = `${filter.fromDate ?? ''}-${filter.toDate ?? ''}`;
  if (filter.patientName?.trim()) match.PatientName = `${filter.patientName.trim().replace(/\s+/g, '^')}*`;
  if (filter.patientId?.trim()) match.PatientID = filter.patientId.trim();
  if (filter.accessionNumber?.trim()) match.AccessionNumber = filter.accessionNumber.trim();
  if (filter.modality) match.ModalitiesInStudy = filter.modality;
  if (filter.studyInstanceUid) match.StudyInstanceUID = filter.studyInstanceUid;
  const query = buildQidoQuery({ match, includefield: [...WORKLIST_INCLUDE_FIELDS], limit: 10_000 });
  const response = await fetch(gatewayUrl(gatewayBaseUrl, { kind: 'federated-search' }, query), { credentials: 'same-origin', signal, headers: { accept: 'application/json' } });
  const body = (await response.json()) as Partial<FederatedSearchResult> & { code?: string; message?: string };
  if (!response.ok || !body.results || !body.nodes) {
    throw Object.assign(new Error(body.message ?? `HTTP ${response.status}`), { code: body.code ?? 'INTERNAL' });
  }
  const studies = body.results.flatMap((r) => studySummaryFromJson(r.nodeId, r.study) ?? []);
  return { studies, nodes: body.nodes };
}
