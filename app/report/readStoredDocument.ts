import { getBulkDataURI, getNumber, getPersonName, getSequence, getString, personNameText, type DicomJsonDataset } from '../dicomweb';
import { outboxKindOf } from '../sync/outboxPolicy';
import type { KeyImageRef } from './reportTypes';

/** One line of a document's content tree, for reading: a heading, or a statement under one. */
export interface DocumentLine {
  depth: number;
  heading: boolean;
  text: string;
}

/** A report-like object found in a study on the PACS (written by Garde or by anyone), ready to read. */
export interface StoredDocument {
  kind: 'sr' | 'kos' | 'pdf';
  SeriesInstanceUID: string;
  SOPInstanceUID: string;
  SOPClassUID: string;
  /** Document title (the root concept, PS3.3 C.17.3, or DocumentTitle of an encapsulated document). */
  title: string;
  /** ContentDate and ContentTime as `YYYYMMDDHHMMSS` (sortable). */
  contentDateTime: string;
  /** Who verified it (VerifyingObserverName), when it is verified. */
  verifiedBy?: string;
  /** The content tree as lines (observer context and modifiers left out). */
  lines: DocumentLine[];
  /** Images the document references (IMAGE items), with their series from the evidence sequences. */
  images: KeyImageRef[];
  /** Where the PDF's bytes are (EncapsulatedDocument's BulkDataURI), for an encapsulated PDF. */
  pdfBulkDataURI?: string;
}

const meaning = (item: DicomJsonDataset, tag = '0040A043') => getString(getSequence(item, tag)[0] ?? {}, '00080104') ?? '';

/** SOP Instance -> Series of the instances an SR lists as evidence (PS3.3 C.17.2.1). */
function seriesOfEvidence(dataset: DicomJsonDataset): Map<string, string> {
  const map = new Map<string, string>();
  for (const tag of ['0040A375', '0040A385']) {
    for (const study of getSequence(dataset, tag)) {
      for (const series of getSequence(study, '00081115')) {
        const SeriesInstanceUID = getString(series, '0020000E');
        for (const sop of getSequence(series, '00081199')) {
          const uid = getString(sop, '00081155');
          if (uid && SeriesInstanceUID) map.set(uid, SeriesInstanceUID);
        }
      }
    }
  }
  return map;
}

function numText(item: DicomJsonDataset): string {
  const measured = getSequence(item, '0040A300')[0] ?? {};
  const value = getNumber(measured, '0040A30A');
  const unit = getString(getSequence(measured, '004008EA')[0] ?? {}, '00080100') ?? '';
  // Two decimals at most: a measurement is read, not recomputed.
  const shown = value === undefined ? '' : String(Math.round(value * 100) / 100);
  return `${meaning(item)} ${shown} ${unit.replace(/^\[hnsf'U\]$/, 'HU')}`.trim();
}

function walk(items: DicomJsonDataset[], depth: number, lines: DocumentLine[], images: KeyImageRef[], seriesOf: Map<string, string>): void {
  for (const item of items) {
    const relationship = getString(item, '0040A010');
    const type = getString(item, '0040A040');
    if (relationship === 'HAS OBS CONTEXT' || relationship === 'HAS CONCEPT MOD') continue;
    if (type === 'IMAGE') {
      for (const ref of getSequence(item, '00081199')) {
        const SOPInstanceUID = getString(ref, '00081155');
        const SOPClassUID = getString(ref, '00081150');
        const frame = getNumber(ref, '00081160');
        if (SOPInstanceUID && SOPClassUID) images.push({ SeriesInstanceUID: seriesOf.get(SOPInstanceUID) ?? '', SOPInstanceUID, SOPClassUID, ...(frame ? { frame } : {}) });
      }
    } else if (type === 'CONTAINER') lines.push({ depth, heading: true, text: meaning(item) });
    else if (type === 'TEXT') lines.push({ depth, heading: false, text: getString(item, '0040A160') ?? '' });
    else if (type === 'NUM') lines.push({ depth, heading: false, text: numText(item) });
    else if (type === 'CODE') lines.push({ depth, heading: false, text: `${meaning(item)}: ${meaning(item, '0040A168')}` });
    else if (type === 'PNAME') lines.push({ depth, heading: false, text: `${meaning(item)}: ${personNameText(getPersonName(item, '0040A123')) ?? ''}` });
    walk(getSequence(item, '0040A730'), type === 'CONTAINER' ? depth + 1 : depth, lines, images, seriesOf);
  }
}

/**
 * A document of a study as its WADO-RS metadata gives it (PS3.18 10.4.1.1.2): any SR (its content
 * tree, PS3.3 C.17.3), a Key Object Selection (its images) or an encapsulated PDF (where its bytes
 * are); undefined for anything else.
 */
export function readStoredDocument(dataset: DicomJsonDataset): StoredDocument | undefined {
  const SOPClassUID = getString(dataset, '00080016') ?? '';
  const found = outboxKindOf(SOPClassUID);
  const kind = found === 'instance' ? undefined : found;
  const SeriesInstanceUID = getString(dataset, '0020000E');
  const SOPInstanceUID = getString(dataset, '00080018');
  if (!kind || !SeriesInstanceUID || !SOPInstanceUID) return undefined;
  const lines: DocumentLine[] = [];
  const images: KeyImageRef[] = [];
  const seriesOf = seriesOfEvidence(dataset);
  walk(getSequence(dataset, '0040A730'), 0, lines, images, seriesOf);
  const verifier = getSequence(dataset, '0040A073')[0];
  const verifiedBy = getString(dataset, '0040A493') === 'VERIFIED' && verifier ? personNameText(getPersonName(verifier, '0040A075')) : undefined;
  const pdf = kind === 'pdf' ? getBulkDataURI(dataset, '00420011') : undefined;
  return {
    kind,
    SeriesInstanceUID,
    SOPInstanceUID,
    SOPClassUID,
    title: (kind === 'pdf' ? getString(dataset, '00420010') : undefined) ?? meaning(dataset),
    contentDateTime: `${getString(dataset, '00080023') ?? ''}${(getString(dataset, '00080033') ?? '').slice(0, 6)}`,
    ...(verifiedBy ? { verifiedBy } : {}),
    lines,
    images,
    ...(pdf ? { pdfBulkDataURI: pdf } : {}),
  };
}
