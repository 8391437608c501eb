import type { DicomJsonDataset } from '../dicomweb';
import { lookupAttribute } from './lookupAttribute';

/** One attribute of a dataset, as a tag browser lists it. */
export interface TagRow {
  /** `(gggg,eeee)`, as PS3.5 7.1 writes tags. */
  tag: string;
  /** DICOM keyword from the PS3.6 dictionary (dcmjs); undefined for private or unknown tags. */
  keyword?: string;
  vr: string;
  /** Values as text, multiple values joined by `\` (PS3.5 6.4); empty for sequences and binary data. */
  text: string;
  /** True when the value is binary (bulk data by reference, inline binary, or pixel data). */
  binary?: boolean;
  /** Items of a sequence (VR SQ), each described the same way. */
  items?: TagRow[][];
}

const MAX_TEXT = 240;

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'object') {
    const pn = value as { Alphabetic?: string; Ideographic?: string; Phonetic?: string };
    return [pn.Alphabetic, pn.Ideographic, pn.Phonetic].filter((s) => s !== undefined).join('=');
  }
  return String(value);
}

/**
 * Describes a DICOM JSON dataset (PS3.18 F.2) for display: attributes in tag order, keyword and VR
 * from the data dictionary when the JSON has no VR, values as text (long ones cut at 240
 * characters), sequences with their items.
 */
export function describeDicomJson(dataset: DicomJsonDataset): TagRow[] {
  return Object.keys(dataset)
    .filter((tag) => /^[0-9A-Fa-f]{8}$/.test(tag))
    .sort()
    .map((tag) => {
      const attribute = dataset[tag]!;
      const entry = lookupAttribute(tag);
      const vr = attribute.vr ?? entry?.vr ?? 'UN';
      const row: TagRow = { tag: `(${tag.slice(0, 4).toUpperCase()},${tag.slice(4).toUpperCase()})`, keyword: entry?.keyword, vr, text: '' };
      const values = Array.isArray(attribute.Value) ? (attribute.Value as unknown[]) : [];
      if (vr === 'SQ') row.items = values.filter((v): v is DicomJsonDataset => !!v && typeof v === 'object').map(describeDicomJson);
      else if (attribute.BulkDataURI !== undefined || attribute.InlineBinary !== undefined) row.binary = true;
      else {
        const text = values.map(valueText).join('\\');
        row.text = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
      }
      return row;
    });
}

/**
 * The rows whose tag, keyword or text contains `query` (case-insensitive), keeping a sequence when
 * one of its items matches (with only the matching rows of its items).
 */
export function filterTagRows(rows: TagRow[], query: string): TagRow[] {
  const q = query.trim().toLowerCase();
  if (!q) return rows;
  const hit = (r: TagRow) => r.tag.toLowerCase().includes(q) || (r.keyword ?? '').toLowerCase().includes(q) || r.text.toLowerCase().includes(q);
  return rows.flatMap((r) => {
    if (hit(r)) return [r];
    const items = r.items?.map((item) => filterTagRows(item, q));
    return items?.some((i) => i.length > 0) ? [{ ...r, items }] : [];
  });
}
