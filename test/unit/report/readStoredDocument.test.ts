import { describe, expect, it } from 'vitest';
import { readPart10Dataset } from '../../../app/dicom/part10Dataset';
import { buildEncapsulatedPdf, buildKeyObjectSelection, buildReportSr, layoutReportPdf, readStoredDocument } from '../../../app/report';
import { PDF_LABELS_FR } from '../../fixtures/report/pdfLabels';
import { sampleReport } from '../../fixtures/report/sampleReport';

const r = sampleReport();

describe('documents read back from the PACS', () => {
  it('reads a report SR: title, verifier, headings and text, measurements, images with their series', () => {
    const doc = readStoredDocument(readPart10Dataset(buildReportSr(r)).dataset)!;
    expect(doc).toMatchObject({ kind: 'sr', title: 'Diagnostic imaging report', verifiedBy: 'LEROY^Anne', SOPInstanceUID: r.uids.sr.SOPInstanceUID, contentDateTime: '20261207040506' });
    expect(doc.lines.filter((l) => l.heading).map((l) => l.text)).toEqual(['Indications for Procedure', 'Current Procedure Descriptions', 'Findings', 'Conclusions']);
    expect(doc.lines.map((l) => l.text)).toContain(r.sections.conclusion);
    expect(doc.lines.map((l) => l.text)).toContain('Length 12.34 mm');
    expect(doc.lines.map((l) => l.text)).toContain('Mean 43.2 HU');
    expect(doc.images.map((i) => [i.SOPInstanceUID, i.SeriesInstanceUID])).toContainEqual([r.keyImages[0]!.SOPInstanceUID, r.keyImages[0]!.SeriesInstanceUID]);
  });

  it('reads the key images of a KOS and the PDF of an encapsulated document', async () => {
    const kos = readStoredDocument(readPart10Dataset(buildKeyObjectSelection(r, 'Images clés')).dataset)!;
    expect(kos.kind).toBe('kos');
    expect(kos.images).toEqual(r.keyImages);
    const pdf = readStoredDocument(readPart10Dataset(buildEncapsulatedPdf(r, await layoutReportPdf(r, PDF_LABELS_FR)), { inlineBinaryLimit: 0 }).dataset)!;
    expect(pdf).toMatchObject({ kind: 'pdf', title: r.title, pdfBulkDataURI: 'local:00420011' });
  });

  it('is undefined for an image', () => {
    expect(readStoredDocument({ '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] }, '0020000E': { vr: 'UI', Value: ['1.2'] }, '00080018': { vr: 'UI', Value: ['1.2.3'] } })).toBeUndefined();
  });
});
