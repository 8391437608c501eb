import { documentHeader, evidenceOf } from '../report/documentHeader';
import { verifiedBy } from '../report/buildReportSr';
import { codeItem, containerItem, languageItem, observerContext, pointItem, textItem, type ContentItem } from '../report/srContent';
import { writeDocument } from '../report/writeDocument';
import * as C from './breastCodes';
import { BREASTS, type ReadToWrite, type ScreeningFinding } from './screeningTypes';

/** Comprehensive SR Storage (PS3.4 B.5): SCOORD marks on images. */
export const COMPREHENSIVE_SR = '1.2.840.10008.5.1.4.1.1.88.33';
/** Series number of screening reads (beside the report objects' 9001–9004). */
export const SCREENING_READ_SERIES_NUMBER = 9010;
/** Series description of screening reads: with the series number, how a read is found in a study. */
export const SCREENING_READ_SERIES_DESCRIPTION = 'Screening read';

const side = (breast: 'R' | 'L') => codeItem('HAS CONCEPT MOD', C.LATERALITY, C.SIDE[breast]);

/** The reader's observer context with the coded role of this read (TID 1002, CID 7453). */
function observer(read: ReadToWrite): ContentItem[] {
  const { role, identifier } = C.ROLE_CODES[read.role];
  return [
    ...observerContext({ ...read.reader, role: '' }),
    codeItem('HAS OBS CONTEXT', C.ROLE_IN_PROCEDURE, role),
    ...(identifier ? [textItem('HAS OBS CONTEXT', C.IDENTIFIER_WITHIN_ROLE, identifier)] : []),
  ];
}

/** One finding (CID 6054) with its breast, its view and its point on the image (SCOORD selected from the IMAGE). */
function findingItem(finding: ScreeningFinding): ContentItem {
  const view = C.VIEW_CODES[finding.view];
  return {
    ...codeItem('CONTAINS', C.FINDING, C.FINDING_CODES[finding.kind]),
    ContentSequence: [
      side(finding.laterality),
      view ? codeItem('HAS CONCEPT MOD', C.IMAGE_VIEW, view) : textItem('HAS CONCEPT MOD', C.IMAGE_VIEW, finding.view),
      pointItem('INFERRED FROM', finding.point, finding.image),
    ],
  };
}

/** Per breast: composition, assessment and the follow-up it leads to, each with its laterality. */
function breastItems(read: ReadToWrite): { composition: ContentItem[]; assessment: ContentItem[] } {
  const withSide = (item: ContentItem, breast: 'R' | 'L'): ContentItem => ({ ...item, ContentSequence: [side(breast)] });
  return {
    composition: BREASTS.flatMap((b) => {
      const density = read.breasts[b].density;
      return density ? [withSide(codeItem('CONTAINS', C.BREAST_COMPOSITION, C.DENSITY_CODES[density]), b)] : [];
    }),
    assessment: BREASTS.flatMap((b) => [
      withSide(codeItem('CONTAINS', C.ASSESSMENT_CATEGORY, C.ASSESSMENT_CODES[read.breasts[b].assessment]), b),
      withSide(codeItem('CONTAINS', C.RECOMMENDED_FOLLOW_UP, read.breasts[b].recall ? C.FOLLOW_UP.recall : C.FOLLOW_UP.routine), b),
    ]),
  };
}

/**
 * A screening read as a Comprehensive SR (PS3.3 A.35.3) following TID 4200 "Breast Imaging
 * Report" (PS3.16) as far as a screening read needs: reader and role (first, second reader or
 * adjudicator), procedure and reason (screening), per breast composition (TID 4205), assessment
 * (TID 4203) and follow-up, findings marked on the images (TID 4206), comment; verified by the
 * reader at submission. Part 10 bytes, in the study it reads.
 */
export function buildScreeningReadSr(read: ReadToWrite): Uint8Array<ArrayBuffer> {
  const header = documentHeader(
    { study: read.study, signedAt: read.submittedAt, reader: read.reader, software: read.software, version: 1 },
    { SOPClassUID: COMPREHENSIVE_SR, Modality: 'SR', SeriesDescription: SCREENING_READ_SERIES_DESCRIPTION, SeriesNumber: SCREENING_READ_SERIES_NUMBER },
    read.uids,
  );
  const { composition, assessment } = breastItems(read);
  const evidence = evidenceOf(read.study.StudyInstanceUID, read.findings.map((f) => f.image));
  const content: ContentItem[] = [
    languageItem('fr'),
    ...observer(read),
    codeItem('HAS CONCEPT MOD', C.PROCEDURE_REPORTED, C.BILATERAL_MAMMOGRAM),
    codeItem('CONTAINS', C.REASON_FOR_PROCEDURE, C.SCREENING),
    ...(composition.length ? [containerItem('CONTAINS', C.BREAST_COMPOSITION, composition)] : []),
    ...(read.findings.length ? [containerItem('CONTAINS', C.FINDINGS, read.findings.map(findingItem))] : []),
    containerItem('CONTAINS', C.OVERALL_ASSESSMENT, assessment),
    ...(read.comment.trim() ? [textItem('CONTAINS', C.COMMENT, read.comment.trim())] : []),
  ];
  return writeDocument({
    ...header,
    ...verifiedBy(read.reader, read.submittedAt),
    ReferencedPerformedProcedureStepSequence: [],
    PerformedProcedureCodeSequence: [],
    ...(evidence.length ? { CurrentRequestedProcedureEvidenceSequence: evidence } : {}),
    ValueType: 'CONTAINER',
    ConceptNameCodeSequence: [C.BREAST_IMAGING_REPORT],
    ContinuityOfContent: 'SEPARATE',
    ContentTemplateSequence: [{ MappingResource: 'DCMR', TemplateIdentifier: '4200' }],
    ContentSequence: content,
  });
}
