export type { KeyImageRef, ObjectUids, PredecessorRef, ReaderIdentity, ReportLanguage, ReportMeasurement, ReportSections, ReportStudy, SignedReport } from './reportTypes';
export { buildReportSr, ENHANCED_SR } from './buildReportSr';
export { buildKeyObjectSelection, KEY_OBJECT_SELECTION } from './buildKeyObjectSelection';
export { buildEncapsulatedPdf, ENCAPSULATED_PDF } from './buildEncapsulatedPdf';
export { layoutReportPdf, type PdfLabels } from './layoutReportPdf';
export { ucumUnit, MEASUREMENT_CONCEPTS } from './reportCodes';
