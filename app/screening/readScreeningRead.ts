import { getNumbers, getPersonName, getSequence, getString, type DicomJsonDataset, type PersonNameJson } from '../dicomweb';
import { parseDicomDateTime } from '../report/dicomDateTime';
import type { ReaderIdentity, ReportStudy } from '../report/reportTypes';
import * as C from './breastCodes';
import { COMPREHENSIVE_SR, SCREENING_READ_SERIES_DESCRIPTION } from './buildScreeningReadSr';
import { BREASTS, type Assessment, type Breast, type BreastRead, type Density, type FindingKind, type ReadRole, type ScreeningFinding, type SubmittedRead } from './screeningTypes';

/** A read found in a study, with the instance it came from. */
export interface StoredRead extends SubmittedRead {
  SeriesInstanceUID: string;
  SOPInstanceUID: string;
}

type CodeLike = { CodeValue: string; CodingSchemeDesignator: string };
const codeOf = (item: DicomJsonDataset, tag: string): CodeLike | undefined => {
  const c = getSequence(item, tag)[0];
  const CodeValue = c && getString(c, '00080100');
  const CodingSchemeDesignator = c && getString(c, '00080102');
  return CodeValue && CodingSchemeDesignator ? { CodeValue, CodingSchemeDesignator } : undefined;
};
const conceptIs = (item: DicomJsonDataset, concept: CodeLike) => C.codeKey(codeOf(item, '0040A043') ?? { CodeValue: '', CodingSchemeDesignator: '' }) === C.codeKey(concept);
const children = (item: DicomJsonDataset) => getSequence(item, '0040A730');
const childrenOf = (item: DicomJsonDataset, concept: CodeLike) => children(item).filter((c) => conceptIs(c, concept));
const valueOf = (item: DicomJsonDataset) => codeOf(item, '0040A168');
const sideOf = (item: DicomJsonDataset) => C.keyOfCode(C.SIDE, valueOf(childrenOf(item, C.LATERALITY)[0] ?? {})) as Breast | undefined;

/** Whether a study's SR instance (its QIDO or metadata attributes) is a screening read Garde writes. */
export function isScreeningReadInstance(dataset: DicomJsonDataset): boolean {
  return getString(dataset, '00080016') === COMPREHENSIVE_SR && getString(dataset, '0008103E') === SCREENING_READ_SERIES_DESCRIPTION;
}

function readerOf(dataset: DicomJsonDataset): ReaderIdentity | undefined {
  const verifier = getSequence(dataset, '0040A073')[0];
  const name: PersonNameJson | undefined = verifier && getPersonName(verifier, '0040A075');
  const [familyName = '', givenName = ''] = (name?.Alphabetic ?? '').split('^');
  if (!verifier || !familyName) return undefined;
  const id = getSequence(verifier, '0040A088')[0];
  return { familyName, givenName, professionalId: (id && getString(id, '00080100')) ?? '', role: '', institution: getString(verifier, '0040A027') ?? '' };
}

function roleOf(root: DicomJsonDataset): ReadRole | undefined {
  const role = valueOf(childrenOf(root, C.ROLE_IN_PROCEDURE)[0] ?? {});
  const identifier = getString(childrenOf(root, C.IDENTIFIER_WITHIN_ROLE)[0] ?? {}, '0040A160');
  return (Object.keys(C.ROLE_CODES) as ReadRole[]).find((r) => C.codeKey(C.ROLE_CODES[r].role) === C.codeKey(role ?? { CodeValue: '', CodingSchemeDesignator: '' }) && C.ROLE_CODES[r].identifier === identifier);
}

function findingOf(item: DicomJsonDataset, seriesOf: (sop: string) => string): ScreeningFinding | undefined {
  const kind = C.keyOfCode(C.FINDING_CODES, valueOf(item)) as FindingKind | undefined;
  const laterality = sideOf(item);
  const viewItem = childrenOf(item, C.IMAGE_VIEW)[0];
  const view = viewItem && (C.keyOfCode(C.VIEW_CODES, valueOf(viewItem)) ?? getString(viewItem, '0040A160'));
  const scoord = children(item).find((c) => getString(c, '0040A040') === 'SCOORD');
  const [column, row] = scoord ? getNumbers(scoord, '00700022') : [];
  const ref = scoord && getSequence(children(scoord)[0] ?? {}, '00081199')[0];
  const SOPInstanceUID = ref && getString(ref, '00081155');
  const SOPClassUID = ref && getString(ref, '00081150');
  if (!kind || !laterality || !view || column === undefined || row === undefined || !SOPInstanceUID || !SOPClassUID) return undefined;
  return { kind, laterality, view, point: [column, row], image: { SeriesInstanceUID: seriesOf(SOPInstanceUID), SOPInstanceUID, SOPClassUID } };
}

/**
 * A screening read from its SR (WADO-RS metadata or Part 10 read as DICOM JSON), the inverse of
 * buildScreeningReadSr; a problem named when the SR is not one or lacks what a read must have
 * (reader, role, both breasts' assessment).
 */
export function readScreeningRead(dataset: DicomJsonDataset): { read: StoredRead } | { problem: string } {
  const SOPInstanceUID = getString(dataset, '00080018') ?? '';
  const SeriesInstanceUID = getString(dataset, '0020000E') ?? '';
  const fail = (problem: string) => ({ problem: `screening read ${SOPInstanceUID || '(no SOP Instance UID)'}: ${problem}` });
  if (!conceptIs(dataset, C.BREAST_IMAGING_REPORT)) return fail('not a Breast Imaging Report (TID 4200)');
  const reader = readerOf(dataset);
  if (!reader) return fail('no verifying observer');
  const role = roleOf(dataset);
  if (!role) return fail('no reader role');
  const submittedAt = parseDicomDateTime(getString(getSequence(dataset, '0040A073')[0] ?? {}, '0040A030'));
  if (!submittedAt) return fail('no verification date and time');
  const composition = childrenOf(dataset, C.BREAST_COMPOSITION)[0] ?? {};
  const assessment = childrenOf(dataset, C.OVERALL_ASSESSMENT)[0] ?? {};
  const breasts: Partial<Record<Breast, BreastRead>> = {};
  for (const b of BREASTS) {
    const ofSide = (items: DicomJsonDataset[]) => items.find((i) => sideOf(i) === b);
    const density = C.keyOfCode(C.DENSITY_CODES, valueOf(ofSide(childrenOf(composition, C.BREAST_COMPOSITION)) ?? {})) as Density | undefined;
    const category = C.keyOfCode(C.ASSESSMENT_CODES, valueOf(ofSide(childrenOf(assessment, C.ASSESSMENT_CATEGORY)) ?? {}));
    const followUp = valueOf(ofSide(childrenOf(assessment, C.RECOMMENDED_FOLLOW_UP)) ?? {});
    if (category === undefined) return fail(`no assessment for the ${b === 'R' ? 'right' : 'left'} breast`);
    breasts[b] = { assessment: Number(category) as Assessment, ...(density ? { density } : {}), recall: !!followUp && C.codeKey(followUp) === C.codeKey(C.FOLLOW_UP.recall) };
  }
  const series = new Map<string, string>();
  for (const s of getSequence(getSequence(dataset, '0040A375')[0] ?? {}, '00081115')) for (const r of getSequence(s, '00081199')) series.set(getString(r, '00081155') ?? '', getString(s, '0020000E') ?? '');
  const findings = childrenOf(childrenOf(dataset, C.FINDINGS)[0] ?? {}, C.FINDING).flatMap((f) => findingOf(f, (sop) => series.get(sop) ?? '') ?? []);
  const comment = getString(childrenOf(dataset, C.COMMENT)[0] ?? {}, '0040A160') ?? '';
  const study: ReportStudy = { StudyInstanceUID: getString(dataset, '0020000D') ?? '', PatientID: getString(dataset, '00100020') ?? '', ...(getString(dataset, '00100021') ? { IssuerOfPatientID: getString(dataset, '00100021') } : {}), AccessionNumber: getString(dataset, '00080050') ?? '' };
  return { read: { SeriesInstanceUID, SOPInstanceUID, role, reader, submittedAt, study, breasts: breasts as Record<Breast, BreastRead>, findings, comment } };
}
