import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildEncapsulatedPdf } from '../../../app/report/buildEncapsulatedPdf';
import { layoutReportPdf } from '../../../app/report/layoutReportPdf';
import { readPart10Dataset } from '../../../app/dicom/part10Dataset';
import { PDF_LABELS_FR } from '../../fixtures/report/pdfLabels';
import { sampleReport } from '../../fixtures/report/sampleReport';
import { dciodvfy, writeTemp } from '../../fixtures/report/validators';

describe('report PDF (Encapsulated PDF, PS3.3 A.45.1)', () => {
  it('passes dciodvfy, and dcmtk extracts the very PDF that was laid out', async () => {
    const pdf = await layoutReportPdf(sampleReport(), PDF_LABELS_FR);
    const file = writeTemp(buildEncapsulatedPdf(sampleReport(), pdf), 'pdf.dcm');
    const check = dciodvfy(file);
    expect(check.errors, check.out).toEqual([]);
    const out = `${file}.pdf`;
    const r = spawnSync('dcm2pdf', [file, out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const extracted = readFileSync(out);
    expect(Buffer.from(pdf).equals(extracted.subarray(0, pdf.length))).toBe(true);
    expect((await PDFDocument.load(extracted)).getTitle()).toBe('Compte rendu TDM thorax');
  });

  it('says what it is: MIME type, title, length', async () => {
    const pdf = await layoutReportPdf(sampleReport(), PDF_LABELS_FR);
    const { dataset } = readPart10Dataset(buildEncapsulatedPdf(sampleReport(), pdf), { inlineBinaryLimit: 0 });
    expect(dataset['00420012']?.Value).toEqual(['application/pdf']);
    expect(dataset['00420010']?.Value).toEqual(['Compte rendu TDM thorax']);
    expect(dataset['00420015']?.Value).toEqual([pdf.length]);
  });

  it('is the same PDF for the same report version, and pages a long report', async () => {
    const long = sampleReport({ sections: { ...sampleReport().sections, findings: 'Très long paragraphe sans fin. '.repeat(600) } });
    const a = await layoutReportPdf(long, PDF_LABELS_FR);
    const b = await layoutReportPdf(long, PDF_LABELS_FR);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect((await PDFDocument.load(a)).getPageCount()).toBeGreaterThan(2);
  });

  it('writes characters outside the PDF font as "?" instead of failing', async () => {
    const pdf = await layoutReportPdf(sampleReport({ sections: { ...sampleReport().sections, conclusion: 'Δ 5 mm → stable ✓' } }), PDF_LABELS_FR);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
  });
});
