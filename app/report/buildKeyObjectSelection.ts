import { documentHeader, evidenceOf } from './documentHeader';
import { code, imageItem, observerContext, textItem } from './srContent';
import type { SignedReport } from './reportTypes';
import { KEY_OBJECT_SELECTION } from './sopClasses';
import { writeDocument } from './writeDocument';

export { KEY_OBJECT_SELECTION };

/** Document title "Of Interest" (PS3.16 CID 7010). */
const OF_INTEREST = code('113000', 'DCM', 'Of Interest');
const KEY_OBJECT_DESCRIPTION = code('113012', 'DCM', 'Key Object Description');
const KOS_SERIES_NUMBER = 9002;

/**
 * The reader's key images as a Key Object Selection Document (PS3.3 A.35.4) of TID 2010 (PS3.16),
 * titled "Of Interest": the observer, a description, one IMAGE item per key image, and every
 * referenced instance in CurrentRequestedProcedureEvidenceSequence (Type 1 in C.17.6.2). dcmjs has
 * no builder for it. Part 10 bytes.
 * @throws Error when there is no key image (an empty selection is not a valid KOS)
 */
export function buildKeyObjectSelection(report: SignedReport, description: string): Uint8Array<ArrayBuffer> {
  if (report.keyImages.length === 0) throw new Error('A Key Object Selection needs at least one image');
  const header = documentHeader(report, { SOPClassUID: KEY_OBJECT_SELECTION, Modality: 'KO', SeriesDescription: description, SeriesNumber: KOS_SERIES_NUMBER }, report.uids.kos);
  const dataset = {
    ...header,
    ReferencedPerformedProcedureStepSequence: [],
    CurrentRequestedProcedureEvidenceSequence: evidenceOf(report.study.StudyInstanceUID, report.keyImages),
    ValueType: 'CONTAINER',
    ConceptNameCodeSequence: [OF_INTEREST],
    ContinuityOfContent: 'SEPARATE',
    ContentTemplateSequence: [{ MappingResource: 'DCMR', TemplateIdentifier: '2010' }],
    ContentSequence: [
      ...observerContext(report.reader),
      ...(description ? [textItem('CONTAINS', KEY_OBJECT_DESCRIPTION, description)] : []),
      ...report.keyImages.map((image) => imageItem('CONTAINS', image)),
    ],
  };
  return writeDocument(dataset);
}
