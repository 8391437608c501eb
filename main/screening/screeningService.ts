import { getString, type DicomJsonDataset } from '../../app/dicomweb';
import type { ReaderIdentity } from '../../app/report/reportTypes';
import { caseStage, compareReads, professionalKey, readToJson, roleFor, visibleReads, type ScreeningCaseAnswer, type ScreeningCaseRow, type ScreeningProgramme } from '../../app/screening';
import { gatewayError } from '../gateway/gatewayError';
import type { NodeAdapter } from '../gateway/nodeAdapter';
import { fetchStudyReads } from './studyReads';
import type { ReadWithholding } from './withholdReads';

/** What the screening service needs from the rest of main. */
export interface ScreeningServiceOptions {
  programme: () => ScreeningProgramme;
  /** The reader of Settings (who asks). */
  reader: () => ReaderIdentity | undefined;
  withholding: ReadWithholding;
}

/** At most this many studies' reads are looked up at once for a case list. */
const PARALLEL_STUDIES = 4;

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
}

/** One case for the reader: its stage, their role, the reads they may see, and the comparison once both reads are visible. */
async function caseAnswer(adapter: NodeAdapter, StudyInstanceUID: string, readerId: string, programme: ScreeningProgramme, publicBase: string, signal: AbortSignal, withholding: ReadWithholding): Promise<ScreeningCaseAnswer> {
  const { reads, problems } = await fetchStudyReads(adapter, StudyInstanceUID, publicBase, signal);
  withholding.note(adapter.node.id, reads.map((r) => r.SeriesInstanceUID));
  const visible = visibleReads(readerId, reads, programme);
  const first = visible.filter((r) => r.role === 'first').at(-1);
  const second = visible.filter((r) => r.role === 'second').at(-1);
  return {
    StudyInstanceUID,
    stage: caseStage(reads, programme),
    role: roleFor(readerId, reads, programme),
    reads: visible.map((r) => readToJson(r, programme)),
    ...(first && second ? { comparison: compareReads(first, second, programme) } : {}),
    problems,
  };
}

/**
 * The gateway's screening service (README "Screening double reading"): the cases of a node (its
 * MG studies matching the QIDO keys given) with their stage and the reader's role, and one case
 * with the reads the reader may see — computed here, in main, from every read on the node, so
 * that a read the reader may not see never reaches the renderer.
 */
export async function answerScreening(adapter: NodeAdapter, StudyInstanceUID: string | undefined, url: URL, publicBase: string, signal: AbortSignal, options: ScreeningServiceOptions): Promise<Response> {
  const reader = options.reader();
  if (!reader) return gatewayError(409, 'BAD_REQUEST', 'Give the reader in Settings before screening reading: the reads are by name');
  const readerId = professionalKey(reader);
  const programme = options.programme();
  if (StudyInstanceUID) return json(await caseAnswer(adapter, StudyInstanceUID, readerId, programme, publicBase, signal, options.withholding));

  const query = new URLSearchParams(url.searchParams);
  query.set('ModalitiesInStudy', 'MG');
  const path = 'studies';
  const response = await adapter.fetch(new Request(`http://gateway.internal/${path}?${query}`, { headers: { accept: 'application/dicom+json' } }), { path, publicBase, signal });
  if (!response.ok) return response;
  const text = response.status === 204 ? '' : await response.text();
  const studies = (text ? JSON.parse(text) : []) as DicomJsonDataset[];
  const rows: ScreeningCaseRow[] = [];
  for (let i = 0; i < studies.length; i += PARALLEL_STUDIES) {
    const batch = studies.slice(i, i + PARALLEL_STUDIES).filter((s) => getString(s, '0020000D'));
    rows.push(
      ...(await Promise.all(
        batch.map(async (study) => {
          const uid = getString(study, '0020000D')!;
          const { reads } = await fetchStudyReads(adapter, uid, publicBase, signal);
          options.withholding.note(adapter.node.id, reads.map((r) => r.SeriesInstanceUID));
          return { study, StudyInstanceUID: uid, stage: caseStage(reads, programme), role: roleFor(readerId, reads, programme) };
        }),
      )),
    );
  }
  return json(rows);
}
