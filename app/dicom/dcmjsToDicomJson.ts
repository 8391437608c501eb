import { repairNestedUtf8 } from './repairNestedUtf8';
import type { DicomJsonAttribute, DicomJsonDataset } from '../dicomweb/dicomJson';
import { encodeBase64 } from './encodeBase64';

/** VRs whose value is binary (PS3.18 F.2.7: InlineBinary or BulkDataURI). */
export const BINARY_VRS: ReadonlySet<string> = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'UN']);

/** An element as dcmjs' DicomMessage.readFile returns it. */
export interface DcmjsElement {
  vr?: string;
  Value?: unknown;
  InlineBinary?: string;
}

/** Options of {@link dcmjsToDicomJson}. */
export interface DicomJsonConversionOptions {
  /**
   * Called for each binary attribute with its tag path (sequence tags and item
   * indexes interleaved, e.g. `['00540016', '0', '00181078']`) and size; returning
   * a string makes it a BulkDataURI, undefined inlines it as base64.
   */
  bulkDataUri?: (path: readonly string[], vr: string, byteLength: number) => string | undefined;
  /** Tags to leave out (8 upper-case hex digits), at any depth. */
  exclude?: ReadonlySet<string>;
  /** The data set is UTF-8 (ISO_IR 192): repair the text dcmjs decoded as Latin-1 inside sequences ({@link repairNestedUtf8}). */
  utf8?: boolean;
}

/** VRs whose values are character strings affected by SpecificCharacterSet (PS3.5 6.1.2.3). */
const TEXT_VRS = new Set(['SH', 'LO', 'ST', 'LT', 'UT', 'UC', 'PN']);

/**
 * Converts a dataset read by dcmjs (tag -> { vr, Value }) to the DICOM JSON Model
 * (PS3.18 F.2): PN values as `{ Alphabetic, Ideographic, Phonetic }` (F.2.2),
 * IS/DS as numbers (F.2.3.1), text without insignificant padding (PS3.5 6.2), empty values as null and fully empty attributes
 * without `Value` (F.2.5), sequences recursively (F.2.4), binary VRs as
 * InlineBinary or BulkDataURI (F.2.7). Group length elements (gggg,0000) are dropped.
 */
export function dcmjsToDicomJson(
  dict: Record<string, DcmjsElement>,
  options: DicomJsonConversionOptions = {},
  path: readonly string[] = [],
): DicomJsonDataset {
  const out: DicomJsonDataset = {};
  for (const key of Object.keys(dict).sort()) {
    const tag = key.toUpperCase();
    const element = dict[key];
    if (!element || typeof element.vr !== 'string' || tag.endsWith('0000') || options.exclude?.has(tag)) continue;
    out[tag] = convertElement(tag, element.vr.toUpperCase(), element, options, [...path, tag]);
  }
  return out;
}

function convertElement(
  tag: string,
  vr: string,
  element: DcmjsElement,
  options: DicomJsonConversionOptions,
  path: readonly string[],
): DicomJsonAttribute {
  const raw: unknown[] = Array.isArray(element.Value) ? element.Value : element.Value === undefined ? [] : [element.Value];
  if (BINARY_VRS.has(vr)) {
    if (typeof element.InlineBinary === 'string') return { vr, InlineBinary: element.InlineBinary };
    const bytes = binaryBytes(raw);
    if (bytes.length === 0) return { vr };
    const uri = options.bulkDataUri?.(path, vr, bytes.length);
    return uri !== undefined ? { vr, BulkDataURI: uri } : { vr, InlineBinary: encodeBase64(bytes) };
  }
  let values: unknown[];
  if (vr === 'SQ') {
    values = raw.map((item, index) =>
      item && typeof item === 'object' ? dcmjsToDicomJson(item as Record<string, DcmjsElement>, options, [...path, String(index)]) : {},
    );
    return values.length > 0 ? { vr, Value: values } : { vr };
  }
  const nested = options.utf8 === true && path.length > 1;
  const text = (v: unknown) => (nested && typeof v === 'string' && TEXT_VRS.has(vr) ? repairNestedUtf8(v) : v);
  if (vr === 'PN') values = raw.map((v) => personName(text(v)));
  else if (vr === 'IS' || vr === 'DS' || vr === 'FL' || vr === 'FD' || vr === 'SL' || vr === 'SS' || vr === 'UL' || vr === 'US' || vr === 'SV' || vr === 'UV') {
    values = raw.map(numeric);
  } else {
    const keepLeading = vr === 'ST' || vr === 'LT' || vr === 'UT';
    values = raw.map(text).map((v) => (typeof v === 'string' ? trimValue(v, keepLeading) || null : v === undefined ? null : v));
  }
  if (values.every((v) => v === null)) return { vr };
  return { vr, Value: values };
}

function numeric(value: unknown): number | string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') {
    if (value.trim() === '') return null;
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function personName(value: unknown): Record<string, string> | null {
  const out: Record<string, string> = {};
  if (typeof value === 'string') {
    const [alphabetic, ideographic, phonetic] = value.split('=').map((group) => trimValue(group, false));
    if (alphabetic) out.Alphabetic = alphabetic;
    if (ideographic) out.Ideographic = ideographic;
    if (phonetic) out.Phonetic = phonetic;
  } else if (value && typeof value === 'object') {
    for (const group of ['Alphabetic', 'Ideographic', 'Phonetic']) {
      const text = (value as Record<string, unknown>)[group];
      const trimmed = typeof text === 'string' ? trimValue(text, false) : '';
      if (trimmed !== '') out[group] = trimmed;
    }
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** Removes padding that PS3.5 6.2 declares insignificant: trailing spaces and NULs, and leading spaces except in ST, LT, UT. */
function trimValue(text: string, keepLeading: boolean): string {
  const end = text.replace(/[ \0]+$/, '');
  return keepLeading ? end : end.replace(/^ +/, '');
}

function binaryBytes(values: unknown[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (const v of values) {
    if (v instanceof ArrayBuffer) chunks.push(new Uint8Array(v));
    else if (ArrayBuffer.isView(v)) chunks.push(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
