import type { DimseNode } from '../../app/nodes';
import type { DicomJsonDataset } from '../../app/dicomweb/dicomJson';
import { cFind, type OperationOptions } from './cFind';
import type { RetrieveTarget } from './retrieveSeries';

/** What a series retrieve should bring, learnt by C-FIND before it. */
export interface RetrievePlan {
  /** SOP classes to negotiate storage presentation contexts for (a superset is fine). */
  sopClassUids: string[];
  /** How many instances the series has. */
  expectedCount: number;
  /** The SOP Instance UIDs of the series, when they were listed (IMAGE level). */
  sopInstanceUids?: string[];
}

/** Above this many SOP classes in the study, the series' own classes are listed instead (presentation contexts are limited to 128). */
const MAX_STUDY_SOP_CLASSES = 8;

const values = (d: DicomJsonDataset | undefined, tag: string): string[] => (d?.[tag]?.Value ?? []).map((v) => String(v)).filter((v) => v !== '');

/**
 * Plans the retrieve of a series with two cheap C-FINDs at once (PS3.4 C.6.2.1): SERIES level for
 * Number of Series Related Instances (0020,1209), STUDY level for SOP Classes in Study (0008,0062),
 * both optional return keys a PACS answers from its index. When either is missing (or the study has
 * many SOP classes), falls back to a C-FIND at IMAGE level listing every instance with its SOP class,
 * which some PACS answer by reading each file. Resolves undefined when the node has no such series.
 * @param sopClassesNeeded whether SOP classes are needed (C-GET negotiates them; C-MOVE does not)
 * @throws DimseError when a C-FIND fails
 */
export async function planRetrieve(node: DimseNode, target: RetrieveTarget, sopClassesNeeded: boolean, options: OperationOptions): Promise<RetrievePlan | undefined> {
  const { StudyInstanceUID, SeriesInstanceUID } = target;
  const [series, study] = await Promise.all([
    cFind(node, { level: 'SERIES', keys: { StudyInstanceUID, SeriesInstanceUID, NumberOfSeriesRelatedInstances: '' } }, options),
    sopClassesNeeded ? cFind(node, { level: 'STUDY', keys: { StudyInstanceUID, SOPClassesInStudy: '' } }, options) : Promise.resolve([]),
  ]);
  const match = series.find((d) => values(d, '0020000E')[0] === SeriesInstanceUID);
  if (!match) return undefined;
  const count = Number(values(match, '00201209')[0]);
  const sopClassUids = values(study[0], '00080062');
  const classesKnown = !sopClassesNeeded || (sopClassUids.length > 0 && sopClassUids.length <= MAX_STUDY_SOP_CLASSES);
  if (Number.isInteger(count) && count > 0 && classesKnown) return { sopClassUids, expectedCount: count };

  const keys = { StudyInstanceUID, SeriesInstanceUID, SOPInstanceUID: '', SOPClassUID: '' };
  const listed = await cFind(node, { level: 'IMAGE', keys }, options);
  const sopInstanceUids = listed.map((d) => values(d, '00080018')[0] ?? '').filter((uid) => uid !== '');
  if (sopInstanceUids.length === 0) return undefined;
  return { sopClassUids: [...new Set(listed.flatMap((d) => values(d, '00080016').slice(0, 1)))], expectedCount: sopInstanceUids.length, sopInstanceUids };
}
