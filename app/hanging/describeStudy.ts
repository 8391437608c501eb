import type { CodedConcept, ImageDescriptor, SeriesDescriptor, StudyDescriptor } from './hangingInput';

/** A data set in keyword form (dcmjs naturalized), e.g. from parsePart10. */
export type KeywordDataset = Readonly<Record<string, unknown>>;

function text(value: unknown): string | undefined {
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

function integer(value: unknown): number | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  const n = typeof first === 'number' ? first : typeof first === 'string' ? Number(first) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function strings(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value.split('\\');
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : String(v)));
  return undefined;
}

function codes(value: unknown): CodedConcept[] | undefined {
  if (!Array.isArray(value)) return value && typeof value === 'object' ? codes([value]) : undefined;
  const out: CodedConcept[] = [];
  for (const item of value as Array<Record<string, unknown>>) {
    const CodeValue = text(item.CodeValue);
    const CodingSchemeDesignator = text(item.CodingSchemeDesignator);
    if (!CodeValue || !CodingSchemeDesignator) continue;
    const modifiers = item.ViewModifierCodeSequence === undefined ? undefined : codes(item.ViewModifierCodeSequence);
    out.push(defined({ CodeValue, CodingSchemeDesignator, CodeMeaning: text(item.CodeMeaning), ViewModifierCodeSequence: modifiers?.length ? modifiers : undefined }));
  }
  return out;
}

function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

/** Reads the image attributes of one data set (PS3.3 C.7.6.1, C.8.11.7). */
export function describeImage(dataset: KeywordDataset): ImageDescriptor {
  return defined({
    SOPInstanceUID: text(dataset.SOPInstanceUID) ?? '',
    InstanceNumber: integer(dataset.InstanceNumber),
    ImageType: strings(dataset.ImageType),
    ImageLaterality: text(dataset.ImageLaterality),
    ViewPosition: text(dataset.ViewPosition),
    ViewCodeSequence: codes(dataset.ViewCodeSequence),
    PatientOrientation: strings(dataset.PatientOrientation),
  });
}

/**
 * Groups the instances of one study by SeriesInstanceUID into a
 * StudyDescriptor; series attributes come from the first instance of each
 * series (General Series C.7.3.1 and Frame of Reference C.7.4.1 are the same
 * for all instances of a series).
 */
export function describeStudy(datasets: readonly KeywordDataset[]): StudyDescriptor {
  const first = datasets[0];
  if (!first) throw new Error('describeStudy: no instances');
  const series = new Map<string, SeriesDescriptor>();
  for (const dataset of datasets) {
    const uid = text(dataset.SeriesInstanceUID) ?? '';
    let entry = series.get(uid);
    if (!entry) {
      entry = defined({
        SeriesInstanceUID: uid,
        Modality: text(dataset.Modality) ?? '',
        SeriesNumber: integer(dataset.SeriesNumber),
        SeriesDescription: text(dataset.SeriesDescription),
        BodyPartExamined: text(dataset.BodyPartExamined),
        Laterality: text(dataset.Laterality),
        FrameOfReferenceUID: text(dataset.FrameOfReferenceUID),
        images: [],
      });
      series.set(uid, entry);
    }
    entry.images.push(describeImage(dataset));
  }
  return defined({
    StudyInstanceUID: text(first.StudyInstanceUID) ?? '',
    StudyDate: text(first.StudyDate),
    StudyDescription: text(first.StudyDescription),
    series: [...series.values()],
  });
}
