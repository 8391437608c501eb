import type { AttributeValues } from './evaluateRules';
import type { ImageDescriptor, SeriesDescriptor, StudyDescriptor } from './hangingInput';

/**
 * What a viewport shows: a whole series, or one image of it when `image` is
 * set. `studyIndex` is -1 for the current study, else the prior's index.
 */
export interface DisplaySet {
  studyIndex: number;
  study: StudyDescriptor;
  series: SeriesDescriptor;
  image?: ImageDescriptor;
}

/** A stable key of a display set (SeriesInstanceUID, plus SOPInstanceUID for an image). */
export function displaySetKey(set: DisplaySet): string {
  return set.image ? `${set.series.SeriesInstanceUID}/${set.image.SOPInstanceUID}` : set.series.SeriesInstanceUID;
}

function compareOptional(a: number | undefined, b: number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a - b;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reading order of display sets, independent of input order: SeriesNumber,
 * then SeriesInstanceUID, then InstanceNumber, then SOPInstanceUID.
 */
export function compareDisplaySets(a: DisplaySet, b: DisplaySet): number {
  return (
    compareOptional(a.series.SeriesNumber, b.series.SeriesNumber) ||
    compareText(a.series.SeriesInstanceUID, b.series.SeriesInstanceUID) ||
    compareOptional(a.image?.InstanceNumber, b.image?.InstanceNumber) ||
    compareText(a.image?.SOPInstanceUID ?? '', b.image?.SOPInstanceUID ?? '')
  );
}

/** The display sets of a study: one per series, or one per image, in reading order. */
export function listDisplaySets(study: StudyDescriptor, studyIndex: number, unit: 'series' | 'image'): DisplaySet[] {
  const sets: DisplaySet[] = [];
  for (const series of study.series) {
    if (unit === 'series') sets.push({ studyIndex, study, series });
    else for (const image of series.images) sets.push({ studyIndex, study, series, image });
  }
  return sets.sort(compareDisplaySets);
}

function one(value: string | undefined): AttributeValues {
  return value === undefined || value.trim() === '' ? [] : [value.trim()];
}

/** The value shared by every image of a series (JSON-compared), or nothing. */
function shared(images: readonly ImageDescriptor[], read: (image: ImageDescriptor) => AttributeValues): AttributeValues {
  const first = images[0];
  if (!first) return [];
  const value = read(first);
  const key = JSON.stringify(value);
  return images.every((image) => JSON.stringify(read(image)) === key) ? value : [];
}

function imageValues(image: ImageDescriptor, series: SeriesDescriptor, attribute: string): AttributeValues {
  switch (attribute) {
    case 'ImageType':
      return image.ImageType ?? [];
    case 'ImageLaterality':
      return one(image.ImageLaterality ?? series.Laterality);
    case 'ViewPosition':
      return one(image.ViewPosition);
    case 'ViewCode':
      return image.ViewCodeSequence?.slice(0, 1) ?? [];
    case 'ViewModifierCode':
      return image.ViewCodeSequence?.[0]?.ViewModifierCodeSequence ?? [];
    case 'PatientOrientation':
      return image.PatientOrientation ?? [];
    default:
      return [];
  }
}

/**
 * Values of a display-set attribute (see DISPLAY_SET_ATTRIBUTES): series
 * attributes from the series (PS3.3 C.7.3.1), image attributes from the
 * image, or for a whole series the value its images share.
 */
export function displaySetValues(set: DisplaySet, attribute: string): AttributeValues {
  const { series } = set;
  switch (attribute) {
    case 'Modality':
      return one(series.Modality);
    case 'BodyPartExamined':
      return one(series.BodyPartExamined);
    case 'SeriesDescription':
      return one(series.SeriesDescription);
    case 'SeriesNumber':
      return series.SeriesNumber === undefined ? [] : [series.SeriesNumber];
    case 'numberOfImages':
      return [set.image ? 1 : series.images.length];
    default:
      return set.image ? imageValues(set.image, series, attribute) : shared(series.images, (image) => imageValues(image, series, attribute));
  }
}

/** Modalities of a study: ModalitiesInStudy when given, else those of its series (sorted, distinct). */
export function modalitiesInStudy(study: StudyDescriptor | undefined): string[] {
  if (!study) return [];
  const listed = study.ModalitiesInStudy ?? study.series.map((s) => s.Modality);
  return [...new Set(listed.map((m) => m.trim()).filter((m) => m !== ''))].sort();
}

/** Values of a study-level attribute (see STUDY_ATTRIBUTES). */
export function studyValues(current: StudyDescriptor, priors: readonly StudyDescriptor[], attribute: string): AttributeValues {
  switch (attribute) {
    case 'ModalitiesInStudy':
      return modalitiesInStudy(current);
    case 'PriorModalitiesInStudy':
      return modalitiesInStudy(priors[0]);
    case 'BodyPartExamined':
      return [...new Set(current.series.flatMap((s) => one(s.BodyPartExamined)))].sort();
    case 'StudyDescription':
      return one(current.StudyDescription);
    case 'numberOfPriors':
      return [priors.length];
    default:
      return [];
  }
}
