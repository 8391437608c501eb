import { documentHeader, evidenceOf } from './documentHeader';
import { dicomDateTime } from './dicomDateTime';
import { ILLUSTRATION, MEASUREMENT_CONCEPTS, REPORT_TITLE, SECTIONS } from './reportCodes';
import { code, containerItem, imageItem, languageItem, numItem, observerContext, personName, textItem, type ContentItem } from './srContent';
import type { KeyImageRef, ReaderIdentity, SignedReport } from './reportTypes';
import { ENHANCED_SR } from './sopClasses';
import { writeDocument } from './writeDocument';

export { ENHANCED_SR };

/** Series number of the report SRs Garde writes (beside images numbered from 1). */
const SR_SERIES_NUMBER = 9001;

function sectionItems(report: SignedReport, key: keyof typeof SECTIONS): ContentItem[] {
  const text = report.sections[key].trim();
  return text ? [textItem('CONTAINS', SECTIONS[key].text, text)] : [];
}

function measurementItems(report: SignedReport): ContentItem[] {
  return report.measurements.flatMap((m) => {
    const concept = MEASUREMENT_CONCEPTS[m.kind];
    if (!concept || !Number.isFinite(m.value)) return [];
    return [numItem('CONTAINS', concept, m.value, m.unit, [imageItem('INFERRED FROM', m.image)])];
  });
}

/** The document tree of TID 2000 (PS3.16): observer, then one container per non-empty heading. */
function contentOf(report: SignedReport): ContentItem[] {
  const findings = [...sectionItems(report, 'findings'), ...measurementItems(report), ...report.keyImages.map((image) => imageItem('CONTAINS', image, ILLUSTRATION))];
  const sections: [keyof typeof SECTIONS, ContentItem[]][] = [
    ['indication', sectionItems(report, 'indication')],
    ['technique', sectionItems(report, 'technique')],
    ['findings', findings],
    ['conclusion', sectionItems(report, 'conclusion')],
  ];
  return [
    languageItem(report.language),
    ...observerContext(report.reader),
    ...sections.filter(([, items]) => items.length > 0).map(([key, items]) => containerItem('CONTAINS', SECTIONS[key].heading, items)),
  ];
}

/** Every image the report references: key images, then the images measured on. */
function referencedImages(report: SignedReport): KeyImageRef[] {
  return [...report.keyImages, ...report.measurements.map((m) => m.image)];
}

/**
 * The SR Document General Module attributes of a document the reader verified (PS3.3 C.17.2):
 * complete, verified, by whom (name, RPPS identifier, organisation) and when.
 */
export function verifiedBy(reader: ReaderIdentity, signedAt: Date): Record<string, unknown> {
  return {
    CompletionFlag: 'COMPLETE',
    VerificationFlag: 'VERIFIED',
    VerifyingObserverSequence: [
      {
        VerifyingObserverName: personName(reader),
        VerifyingObserverIdentificationCodeSequence: reader.professionalId ? [code(reader.professionalId, '99RPPS', `${reader.givenName} ${reader.familyName}`.trim())] : [],
        VerifyingOrganization: reader.institution,
        VerificationDateTime: dicomDateTime(signedAt),
      },
    ],
  };
}

/**
 * The signed report as an Enhanced SR (PS3.3 A.35.2) of TID 2000 "Basic Diagnostic Imaging Report",
 * titled LOINC 18748-4, in the study it answers: complete and verified by the reader (Verifying
 * Observer, PS3.3 C.17.2), with the images it cites as evidence and, for an amendment, the SR it
 * replaces as predecessor (C.17.2.3). Part 10 bytes.
 */
export function buildReportSr(report: SignedReport): Uint8Array<ArrayBuffer> {
  const header = documentHeader(report, { SOPClassUID: ENHANCED_SR, Modality: 'SR', SeriesDescription: report.title, SeriesNumber: SR_SERIES_NUMBER }, report.uids.sr);
  const evidence = evidenceOf(report.study.StudyInstanceUID, referencedImages(report));
  const dataset = {
    ...header,
    ReferencedPerformedProcedureStepSequence: [],
    ...verifiedBy(report.reader, report.signedAt),
    PerformedProcedureCodeSequence: [],
    ...(evidence.length ? { CurrentRequestedProcedureEvidenceSequence: evidence } : {}),
    ...(report.predecessor ? { PredecessorDocumentsSequence: evidenceOf(report.study.StudyInstanceUID, [report.predecessor]) } : {}),
    ValueType: 'CONTAINER',
    ConceptNameCodeSequence: [REPORT_TITLE],
    ContinuityOfContent: 'SEPARATE',
    ContentTemplateSequence: [{ MappingResource: 'DCMR', TemplateIdentifier: '2000' }],
    ContentSequence: contentOf(report),
  };
  return writeDocument(dataset);
}
