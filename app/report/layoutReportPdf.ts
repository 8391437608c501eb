import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { ReportSections, SignedReport } from './reportTypes';

/** The words of the PDF in the report's language (the caller's translations). */
export interface PdfLabels {
  patient: string;
  birthDate: string;
  patientId: string;
  accession: string;
  studyDate: string;
  signedBy: string;
  professionalId: string;
  keyImages: string;
  measurements: string;
  amends: string;
  sections: ReportSections;
}

const PAGE: [number, number] = [595.28, 841.89]; // A4 in points
const MARGIN = 56;
const BODY = 10.5;
const LEADING = 14;

/** `text` with the characters the font cannot encode (outside WinAnsi) replaced by `?`. */
function encodable(font: PDFFont, text: string): string {
  const set = new Set(font.getCharacterSet());
  return [...text.replace(/\t/g, '    ')].map((ch) => (set.has(ch.codePointAt(0)!) ? ch : '?')).join('');
}

/** Splits a paragraph into lines no wider than `width`, breaking between words (inside a word too long for a line). */
function wrap(font: PDFFont, size: number, paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** Writes lines top-down, adding pages as needed. */
class Writer {
  private page: PDFPage;
  private y: number;
  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: { regular: PDFFont; bold: PDFFont },
  ) {
    this.page = doc.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
  }
  line(text: string, opts: { bold?: boolean; size?: number; gap?: number } = {}): void {
    const font = opts.bold ? this.fonts.bold : this.fonts.regular;
    const size = opts.size ?? BODY;
    for (const paragraph of text.split('\n')) {
      for (const line of wrap(font, size, encodable(font, paragraph), PAGE[0] - 2 * MARGIN)) {
        if (this.y < MARGIN + LEADING) {
          this.page = this.doc.addPage(PAGE);
          this.y = PAGE[1] - MARGIN;
        }
        this.page.drawText(line, { x: MARGIN, y: this.y, size, font, color: rgb(0, 0, 0) });
        this.y -= Math.max(LEADING, size * 1.3);
      }
    }
    this.y -= opts.gap ?? 0;
  }
}

const formatDa = (da: string | undefined) => (da && /^\d{8}$/.test(da) ? `${da.slice(6, 8)}/${da.slice(4, 6)}/${da.slice(0, 4)}` : (da ?? ''));
const displayName = (pn: string | undefined) => (pn ?? '').split('=')[0]!.split('^').filter(Boolean).join(' ');

/**
 * The report laid out as a PDF for systems that only display documents: title, patient and study
 * identification, the four headings with their text, measurements, key images, and the signature.
 * Deterministic for one report version (its dates are the signature's).
 */
export async function layoutReportPdf(report: SignedReport, labels: PdfLabels): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(report.title);
  doc.setAuthor(`${report.reader.givenName} ${report.reader.familyName}`);
  doc.setProducer(`${report.software.name} ${report.software.version}`);
  doc.setCreator(report.software.name);
  doc.setCreationDate(report.signedAt);
  doc.setModificationDate(report.signedAt);
  const w = new Writer(doc, { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) });
  const { study, reader } = report;
  w.line(report.title, { bold: true, size: 16, gap: 6 });
  w.line(`${labels.patient}: ${displayName(study.PatientName)}   ${labels.birthDate}: ${formatDa(study.PatientBirthDate)}`);
  w.line(`${labels.patientId}: ${study.PatientID ?? ''}${study.IssuerOfPatientID ? ` (${study.IssuerOfPatientID})` : ''}   ${labels.accession}: ${study.AccessionNumber ?? ''}`);
  w.line(`${labels.studyDate}: ${formatDa(study.StudyDate)}   ${study.StudyDescription ?? ''}`, { gap: 10 });
  if (report.predecessor) w.line(`${labels.amends} ${report.predecessor.SOPInstanceUID}`, { gap: 6 });
  for (const key of ['indication', 'technique', 'findings', 'conclusion'] as const) {
    if (!report.sections[key].trim()) continue;
    w.line(labels.sections[key], { bold: true, size: 12, gap: 2 });
    w.line(report.sections[key].trim(), { gap: 8 });
  }
  if (report.measurements.length) {
    w.line(labels.measurements, { bold: true, size: 12, gap: 2 });
    for (const m of report.measurements) w.line(`- ${m.label}`);
    w.line('', { gap: 4 });
  }
  if (report.keyImages.length) w.line(`${labels.keyImages}: ${report.keyImages.length}`, { gap: 8 });
  w.line(`${labels.signedBy} ${reader.givenName} ${reader.familyName}, ${reader.role}, ${reader.institution}`, { bold: true });
  if (reader.professionalId) w.line(`${labels.professionalId}: ${reader.professionalId}`);
  w.line(report.signedAt.toISOString().replace('T', ' ').slice(0, 19) + ' UTC');
  return doc.save({ useObjectStreams: false });
}
