import { buildEncapsulatedPdf, ENCAPSULATED_PDF } from './buildEncapsulatedPdf';
import { buildKeyObjectSelection, KEY_OBJECT_SELECTION } from './buildKeyObjectSelection';
import { buildReportSr, ENHANCED_SR } from './buildReportSr';
import { layoutReportPdf, type PdfLabels } from './layoutReportPdf';
import type { SignedReport } from './reportTypes';

/** One object to store on the study's node. */
export interface ReportObject {
  SOPClassUID: string;
  SOPInstanceUID: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * Everything a signed version sends to the PACS: the report SR, the Key Object Selection of its
 * key images (when there are some), and the report as an encapsulated PDF.
 */
export async function reportObjects(report: SignedReport, labels: PdfLabels): Promise<ReportObject[]> {
  const objects: ReportObject[] = [{ SOPClassUID: ENHANCED_SR, SOPInstanceUID: report.uids.sr.SOPInstanceUID, bytes: buildReportSr(report) }];
  if (report.keyImages.length > 0) objects.push({ SOPClassUID: KEY_OBJECT_SELECTION, SOPInstanceUID: report.uids.kos.SOPInstanceUID, bytes: buildKeyObjectSelection(report, labels.keyImages) });
  const pdf = await layoutReportPdf(report, labels);
  objects.push({ SOPClassUID: ENCAPSULATED_PDF, SOPInstanceUID: report.uids.pdf.SOPInstanceUID, bytes: buildEncapsulatedPdf(report, pdf) });
  return objects;
}

/** A 2.25 UID (PS3.5 B.2) from a random UUID (`crypto.randomUUID()`). */
export function uidFromUuid(uuid: string): string {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`Not a UUID: ${uuid}`);
  return `2.25.${BigInt(`0x${hex}`).toString(10)}`;
}
