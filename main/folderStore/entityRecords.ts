import type { DicomJsonAttribute, DicomJsonDataset } from '../../app/dicomweb/dicomJson';
import type { IndexedInstance } from './instanceIndex';

const MODALITY = '00080060';

/**
 * Orders instances as a viewer expects: by Series Number, Instance Number, then UID
 * (PS3.3 C.7.3.1 and C.7.6.1), so that "the first instance" of an entity is stable.
 */
export function sortInstances(instances: IndexedInstance[]): IndexedInstance[] {
  const num = (i: IndexedInstance, tag: string): number => {
    const v = i.dataset[tag]?.Value?.[0];
    return typeof v === 'number' ? v : Number.MAX_SAFE_INTEGER;
  };
  return [...instances].sort(
    (a, b) =>
      num(a, '00200011') - num(b, '00200011') ||
      num(a, '00200013') - num(b, '00200013') ||
      a.SOPInstanceUID.localeCompare(b.SOPInstanceUID),
  );
}

/** Attributes with the same value in every instance (the entity-level attributes of a study or series). */
export function commonAttributes(instances: readonly IndexedInstance[]): DicomJsonDataset {
  const [first, ...rest] = instances;
  if (!first) return {};
  const out: DicomJsonDataset = {};
  for (const [tag, attribute] of Object.entries(first.dataset)) {
    const text = JSON.stringify(attribute);
    if (rest.every((i) => JSON.stringify(i.dataset[tag]) === text)) out[tag] = attribute;
  }
  return out;
}

/**
 * The record a study-level QIDO-RS search matches and returns (PS3.18 10.6.3.3.1): the
 * attributes of the first instance plus those computed over the study (PS3.4 C.3.4):
 * ModalitiesInStudy, NumberOfStudyRelatedSeries, NumberOfStudyRelatedInstances.
 */
export function studyRecord(instances: IndexedInstance[], retrieveUrl: string | undefined, all: boolean): DicomJsonDataset {
  const sorted = sortInstances(instances);
  const base = all ? commonAttributes(sorted) : { ...sorted[0]!.dataset };
  const modalities = [...new Set(sorted.map((i) => i.dataset[MODALITY]?.Value?.[0]).filter((m): m is string => typeof m === 'string'))].sort();
  const series = new Set(sorted.map((i) => i.SeriesInstanceUID));
  return {
    ...base,
    '00080056': cs('ONLINE'),
    '00080061': modalities.length > 0 ? { vr: 'CS', Value: modalities } : { vr: 'CS' },
    '00081190': retrieveUrlAttribute(retrieveUrl),
    '00201206': { vr: 'IS', Value: [series.size] },
    '00201208': { vr: 'IS', Value: [sorted.length] },
  };
}

/** The record of a series-level search (PS3.18 10.6.3.3.2), with NumberOfSeriesRelatedInstances (PS3.4 C.3.4). */
export function seriesRecord(instances: IndexedInstance[], retrieveUrl: string | undefined, all: boolean): DicomJsonDataset {
  const sorted = sortInstances(instances);
  const base = all ? commonAttributes(sorted) : { ...sorted[0]!.dataset };
  return {
    ...base,
    '00080056': cs('ONLINE'),
    '00081190': retrieveUrlAttribute(retrieveUrl),
    '00201209': { vr: 'IS', Value: [sorted.length] },
  };
}

/** The record of an instance-level search (PS3.18 10.6.3.3.3). */
export function instanceRecord(instance: IndexedInstance, retrieveUrl: string | undefined): DicomJsonDataset {
  return { ...instance.dataset, '00080056': cs('ONLINE'), '00081190': retrieveUrlAttribute(retrieveUrl) };
}

function cs(value: string): DicomJsonAttribute {
  return { vr: 'CS', Value: [value] };
}

/** Retrieve URL (0008,1190); empty (no value) when the entity's UIDs cannot be put in a URL. */
function retrieveUrlAttribute(url: string | undefined): DicomJsonDataset[string] {
  return url ? { vr: 'UR', Value: [url] } : { vr: 'UR' };
}
