import type { DicomJsonDataset } from '../../app/dicomweb';

/**
 * The attributes the hanging protocol matcher reads (app/hanging describeStudy), by tag:
 * General Study/Series/Image (PS3.3 C.7.2.1, C.7.3.1, C.7.6.1), Frame of Reference (C.7.4.1),
 * Mammography Image (C.8.11.7) and the Code Sequence Macro (8.8).
 */
const KEYWORDS: Readonly<Record<string, string>> = {
  '0020000D': 'StudyInstanceUID',
  '00080020': 'StudyDate',
  '00081030': 'StudyDescription',
  '0020000E': 'SeriesInstanceUID',
  '00080060': 'Modality',
  '00200011': 'SeriesNumber',
  '0008103E': 'SeriesDescription',
  '00180015': 'BodyPartExamined',
  '00200060': 'Laterality',
  '00200052': 'FrameOfReferenceUID',
  '00080018': 'SOPInstanceUID',
  '00200013': 'InstanceNumber',
  '00080008': 'ImageType',
  '00200062': 'ImageLaterality',
  '00185101': 'ViewPosition',
  '00540220': 'ViewCodeSequence',
  '00540222': 'ViewModifierCodeSequence',
  '00200020': 'PatientOrientation',
  '00080100': 'CodeValue',
  '00080102': 'CodingSchemeDesignator',
  '00080104': 'CodeMeaning',
};

function convert(element: { vr?: string; Value?: unknown[] }): unknown {
  const values = element.Value ?? [];
  if (element.vr === 'SQ') return values.map((item) => keywordForm(item as DicomJsonDataset));
  if (element.vr === 'PN') return values.map((v) => (v && typeof v === 'object' ? (v as { Alphabetic?: string }).Alphabetic : v));
  return values.length === 1 ? values[0] : values;
}

/**
 * The hanging attributes of a DICOM JSON data set (PS3.18 F.2) in keyword form (the shape of
 * dcmjs' naturalized data sets): sequences as arrays of items, single values unwrapped.
 */
export function keywordForm(dataset: DicomJsonDataset): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [tag, keyword] of Object.entries(KEYWORDS)) {
    const element = (dataset as Record<string, { vr?: string; Value?: unknown[] } | undefined>)[tag];
    if (element?.Value !== undefined) out[keyword] = convert(element);
  }
  return out;
}
