import { getString, type DicomJsonDataset } from '../../app/dicomweb';
import type { ReaderIdentity } from '../../app/report/reportTypes';
import { caseStage, compareReads, professionalKey, readerStatistics, readerStatisticsCsv, readToJson, roleFor, visibleReads, type ScreeningCaseAnswer, type ScreeningCaseRow, type ScreeningProgramme, type StoredRead } from '../../app/screening';
import { gatewayError } from '../gateway/gatewayError';
import type { NodeAdapter } from '../gateway/nodeAdapter';
import { fetchStudyReads, nodeJson } from './studyReads';
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
 * MG studies matching the QIDO keys given) with their stage and the reader's role, the readers'
 * statistics over the closed ones (CSV), and one case with the reads the reader may see — computed here, in main, from every read on the node, so
 * that a read the reader may not see never reaches the renderer.
 */
export async function answerScreening(adapter: NodeAdapter, target: { StudyInstanceUID?: string; statistics?: true }, url: URL, publicBase: string, signal: AbortSignal, options: ScreeningServiceOptions): Promise<Response> {
  const { StudyInstanceUID } = target;
  const reader = options.reader();
  if (!reader) return gatewayError(409, 'BAD_REQUEST', 'Give the reader in Settings before screening reading: the reads are by name');
  const readerId = professionalKey(reader);
  const programme = options.programme();
  if (StudyInstanceUID) return json(await caseAnswer(adapter, StudyInstanceUID, readerId, programme, publicBase, signal, options.withholding));

  const cases = await casesOf(adapter, url.searchParams, publicBase, signal, options.withholding);
  if (target.statistics) {
    const csv = readerStatisticsCsv(readerStatistics(cases.map((c) => c.reads), programme));
    return new Response(csv, { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="screening-readers.csv"', 'cache-control': 'no-store' } });
  }
  return json(cases.map(({ study, StudyInstanceUID: uid, reads }): ScreeningCaseRow => ({ study, StudyInstanceUID: uid, stage: caseStage(reads, programme), role: roleFor(readerId, reads, programme) })));
}

/** The MG studies of a node matching the QIDO keys given, each with all its reads (main only). */
async function casesOf(adapter: NodeAdapter, keys: URLSearchParams, publicBase: string, signal: AbortSignal, withholding: ReadWithholding): Promise<{ study: DicomJsonDataset; StudyInstanceUID: string; reads: StoredRead[] }[]> {
  const query = new URLSearchParams(keys);
  query.set('ModalitiesInStudy', 'MG');
  const studies = (await nodeJson(adapter, `studies?${query}`, publicBase, signal)).filter((s) => getString(s, '0020000D'));
  const out: { study: DicomJsonDataset; StudyInstanceUID: string; reads: StoredRead[] }[] = [];
  for (let i = 0; i < studies.length; i += PARALLEL_STUDIES) {
    out.push(
      ...(await Promise.all(
        studies.slice(i, i + PARALLEL_STUDIES).map(async (study) => {
          const uid = getString(study, '0020000D')!;
          const { reads } = await fetchStudyReads(adapter, uid, publicBase, signal);
          withholding.note(adapter.node.id, reads.map((r) => r.SeriesInstanceUID));
          return { study, StudyInstanceUID: uid, reads };
        }),
      )),
    );
  }
  return out;
}
