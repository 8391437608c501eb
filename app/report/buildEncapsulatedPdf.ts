import { documentHeader } from './documentHeader';
import { dicomDate, dicomTime } from './dicomDateTime';
import { REPORT_TITLE } from './reportCodes';
import type { SignedReport } from './reportTypes';
import { ENCAPSULATED_PDF } from './sopClasses';
import { writeDocument } from './writeDocument';

export { ENCAPSULATED_PDF };
const PDF_SERIES_NUMBER = 9003;

/**
 * A PDF of the report as an Encapsulated PDF instance (PS3.3 A.45.1) in the study: the document
 * (an even length, padded with a NUL as PS3.3 C.24.2.1 allows), its MIME type and title, and the
 * SC Equipment module's ConversionType WSD (workstation). Part 10 bytes.
 */
export function buildEncapsulatedPdf(report: SignedReport, pdf: Uint8Array): Uint8Array<ArrayBuffer> {
  const header = documentHeader(report, { SOPClassUID: ENCAPSULATED_PDF, Modality: 'DOC', SeriesDescription: report.title, SeriesNumber: PDF_SERIES_NUMBER }, report.uids.pdf);
  const padded = new Uint8Array(pdf.length + (pdf.length % 2));
  padded.set(pdf);
  const dataset = {
    ...header,
    ConversionType: 'WSD',
    AcquisitionDateTime: `${dicomDate(report.signedAt)}${dicomTime(report.signedAt)}`,
    BurnedInAnnotation: 'YES',
    DocumentTitle: report.title,
    ConceptNameCodeSequence: [REPORT_TITLE],
    MIMETypeOfEncapsulatedDocument: 'application/pdf',
    EncapsulatedDocumentLength: pdf.length,
    EncapsulatedDocument: padded.buffer,
  };
  return writeDocument(dataset, { EncapsulatedDocument: 'OB' });
}
