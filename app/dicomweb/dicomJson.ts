/**
 * DICOM JSON Model (PS3.18 F.2): a dataset is an object keyed by 8 upper-case
 * hex digit tags; each attribute has `vr` and at most one of `Value`,
 * `BulkDataURI` or `InlineBinary` (F.2.2).
 */

/** A Person Name value (PS3.18 F.2.2, VR PN): component groups as strings. */
export interface PersonNameJson {
  Alphabetic?: string;
  Ideographic?: string;
  Phonetic?: string;
}

/** One attribute of a DICOM JSON dataset (PS3.18 F.2.2). */
export interface DicomJsonAttribute {
  vr: string;
  Value?: unknown[];
  BulkDataURI?: string;
  InlineBinary?: string;
}

/** A DICOM JSON dataset (PS3.18 F.2.1.1). */
export type DicomJsonDataset = Record<string, DicomJsonAttribute>;

/** Tags used by the gateway helpers, by DICOM keyword (PS3.6). */
export const DicomJsonTag = {
  StudyInstanceUID: '0020000D',
  SeriesInstanceUID: '0020000E',
  SOPInstanceUID: '00080018',
  SOPClassUID: '00080016',
  PatientID: '00100020',
  IssuerOfPatientID: '00100021',
  PatientName: '00100010',
  ModalitiesInStudy: '00080061',
  RetrieveURL: '00081190',
  NumberOfFrames: '00280008',
} as const;

/** Whether `value` is a plain object usable as a DICOM JSON dataset. */
export function isDicomJsonDataset(value: unknown): value is DicomJsonDataset {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Normalises a tag to 8 upper-case hex digits; accepts `0020000d` and `(0020,000D)`. */
export function normalizeTag(tag: string): string {
  const hex = tag.replace(/[(),\s]/g, '').toUpperCase();
  if (!/^[0-9A-F]{8}$/.test(hex)) throw new RangeError(`not a DICOM tag: ${tag}`);
  return hex;
}

function attribute(dataset: DicomJsonDataset, tag: string): DicomJsonAttribute | undefined {
  const found = dataset[normalizeTag(tag)];
  return found !== null && typeof found === 'object' ? found : undefined;
}

/** All values of an attribute (`Value`), or `[]` when absent or empty (PS3.18 F.2.5). */
export function getValues(dataset: DicomJsonDataset, tag: string): unknown[] {
  const values = attribute(dataset, tag)?.Value;
  return Array.isArray(values) ? values : [];
}

/** String values (AE, CS, DA, LO, SH, UI, UR...); `null` entries (empty values, F.2.5) are skipped. */
export function getStrings(dataset: DicomJsonDataset, tag: string): string[] {
  return getValues(dataset, tag).filter((v): v is string => typeof v === 'string');
}

/** The first string value, or `undefined`. */
export function getString(dataset: DicomJsonDataset, tag: string): string | undefined {
  const first = getValues(dataset, tag)[0];
  return typeof first === 'string' ? first : undefined;
}

/**
 * Numeric values (US, UL, FL, FD, IS, DS...). IS and DS are JSON numbers
 * (PS3.18 F.2.3.1) but some servers send strings; numeric strings are accepted.
 */
export function getNumbers(dataset: DicomJsonDataset, tag: string): number[] {
  const out: number[] = [];
  for (const value of getValues(dataset, tag)) {
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
    if (Number.isFinite(n)) out.push(n);
  }
  return out;
}

/** The first numeric value, or `undefined`. */
export function getNumber(dataset: DicomJsonDataset, tag: string): number | undefined {
  return getNumbers(dataset, tag)[0];
}

/** Person Name values (VR PN, PS3.18 F.2.2): objects with Alphabetic/Ideographic/Phonetic groups. */
export function getPersonNames(dataset: DicomJsonDataset, tag: string): PersonNameJson[] {
  return getValues(dataset, tag).filter((v): v is PersonNameJson => v !== null && typeof v === 'object' && !Array.isArray(v));
}

/** The first Person Name value, or `undefined`. */
export function getPersonName(dataset: DicomJsonDataset, tag: string): PersonNameJson | undefined {
  return getPersonNames(dataset, tag)[0];
}

/** A display string of a Person Name: the Alphabetic group, else Ideographic, else Phonetic (`^` kept). */
export function personNameText(name: PersonNameJson | undefined): string | undefined {
  return name?.Alphabetic ?? name?.Ideographic ?? name?.Phonetic;
}

/** Items of a sequence (VR SQ, PS3.18 F.2.2), or `[]`. */
export function getSequence(dataset: DicomJsonDataset, tag: string): DicomJsonDataset[] {
  return getValues(dataset, tag).filter(isDicomJsonDataset);
}

/** The BulkDataURI of an attribute (PS3.18 F.2.7), or `undefined`. */
export function getBulkDataURI(dataset: DicomJsonDataset, tag: string): string | undefined {
  const uri = attribute(dataset, tag)?.BulkDataURI;
  return typeof uri === 'string' ? uri : undefined;
}
