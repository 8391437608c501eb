import dcmjs from 'dcmjs';
import type { QidoQuery } from './qidoQuery';

/** The Query/Retrieve level of a C-FIND (PS3.4 C.6.2 Study Root). */
export type FindLevel = 'STUDY' | 'SERIES' | 'IMAGE';

/** A C-FIND identifier: naturalized keys (DICOM keyword -> matching value, '' for a return key). */
export interface FindIdentifier {
  level: FindLevel;
  keys: Record<string, unknown>;
}

/** A QIDO-RS query that cannot be expressed as a C-FIND identifier (becomes a 400). */
export class QidoTranslationError extends Error {
  override readonly name = 'QidoTranslationError';
}

/** Default study return keys, PS3.18 Table 10.6.1-5, plus the clinical request attributes of the worklist. */
export const STUDY_RETURN_KEYS = [
  'StudyDate', 'StudyTime', 'AccessionNumber', 'ModalitiesInStudy', 'ReferringPhysicianName', 'PatientName', 'PatientID',
  'IssuerOfPatientID', 'PatientBirthDate', 'PatientSex', 'StudyInstanceUID', 'StudyID', 'StudyDescription',
  'NumberOfStudyRelatedSeries', 'NumberOfStudyRelatedInstances', 'AdditionalPatientHistory', 'ReasonForTheRequestedProcedure',
  'RequestedProcedureDescription', 'RequestingPhysician', 'RequestedProcedurePriority', 'InstitutionName', 'OtherPatientIDsSequence',
] as const;

/** Default series return keys, PS3.18 Table 10.6.1-5 (series level), plus description and body part. */
export const SERIES_RETURN_KEYS = [
  'Modality', 'SeriesInstanceUID', 'SeriesNumber', 'SeriesDescription', 'SeriesDate', 'SeriesTime', 'BodyPartExamined',
  'PerformedProcedureStepStartDate', 'PerformedProcedureStepStartTime', 'NumberOfSeriesRelatedInstances', 'StudyInstanceUID',
] as const;

/** Default instance return keys, PS3.18 Table 10.6.1-5 (instance level), plus image size. */
export const INSTANCE_RETURN_KEYS = [
  'SOPClassUID', 'SOPInstanceUID', 'InstanceNumber', 'Rows', 'Columns', 'BitsAllocated', 'NumberOfFrames',
  'StudyInstanceUID', 'SeriesInstanceUID',
] as const;

/** Attributes added for `includefield=all`, by level (C-FIND has no "all"; these are the usual ones). */
const ALL_EXTRA: Record<FindLevel, readonly string[]> = {
  STUDY: ['PatientAge', 'PatientWeight', 'StudyComments', 'PerformingPhysicianName', 'NameOfPhysiciansReadingStudy', 'SOPClassesInStudy'],
  SERIES: ['ProtocolName', 'PerformingPhysicianName', 'Laterality', 'OperatorsName', 'StationName', 'Manufacturer'],
  IMAGE: ['ImageType', 'AcquisitionNumber', 'ContentDate', 'ContentTime', 'ImageLaterality', 'ViewPosition', 'PhotometricInterpretation', 'SamplesPerPixel'],
};

const LEVELS: Record<'studies' | 'series' | 'instances', FindLevel> = { studies: 'STUDY', series: 'SERIES', instances: 'IMAGE' };
const DEFAULTS: Record<FindLevel, readonly string[]> = { STUDY: STUDY_RETURN_KEYS, SERIES: SERIES_RETURN_KEYS, IMAGE: INSTANCE_RETURN_KEYS };

/** VRs encoded as binary numbers: an empty return key must be zero-length, not the number 0. */
const BINARY_NUMBER_VRS = new Set(['US', 'UL', 'SS', 'SL', 'FL', 'FD', 'SV', 'UV', 'AT']);

interface DictEntry {
  tag: string;
  vr: string;
  name: string;
}

/** Resolves an attributeID (keyword or 8-hex tag, PS3.18 8.3.4.1) to its keyword and VR in the PS3.6 dictionary. */
export function resolveAttribute(attributeId: string): DictEntry & { keyword: string } {
  const { nameMap, dictionary } = dcmjs.data.DicomMetaDictionary;
  if (/^[0-9A-Fa-f]{8}$/.test(attributeId)) {
    const hex = attributeId.toUpperCase();
    const entry = dictionary[`(${hex.slice(0, 4)},${hex.slice(4)})`] as DictEntry | undefined;
    if (!entry || !nameMap[entry.name]) throw new QidoTranslationError(`unknown attribute tag ${attributeId}`);
    return { ...entry, keyword: entry.name };
  }
  const entry = nameMap[attributeId] as DictEntry | undefined;
  if (!entry) throw new QidoTranslationError(`unknown attribute keyword "${attributeId}"`);
  return { ...entry, keyword: attributeId };
}

/**
 * Translates a QIDO-RS value (PS3.18 8.3.4.1) into a C-FIND matching value (PS3.4 C.2.2.2): a
 * comma-separated UID (or code string) list becomes a multi-valued key (UID list matching); wildcards
 * (`*`, `?`) and date/time ranges (`a-b`) have the same syntax on both sides.
 */
export function toMatchingValue(vr: string, value: string): unknown {
  if (vr === 'SQ') throw new QidoTranslationError('sequence matching is not supported');
  if (vr === 'UI' || vr === 'CS') {
    const parts = value.split(',').map((v) => v.trim());
    return parts.length > 1 ? parts : parts[0];
  }
  if (vr === 'PN') return [{ Alphabetic: value }];
  return value;
}

/**
 * Builds the C-FIND identifier (PS3.4 C.4.1.1.3, Study Root information model) of a QIDO-RS search
 * (PS3.18 10.6): the level of the resource, the UIDs of the path as unique keys, the query's matching
 * keys, the default return keys of PS3.18 Table 10.6.1-5 and the `includefield` attributes.
 * Only top-level attributes are supported (no sequence paths).
 * @throws QidoTranslationError for an unknown attribute or a sequence path.
 */
export function qidoToFind(
  resource: { level: 'studies' | 'series' | 'instances'; StudyInstanceUID?: string; SeriesInstanceUID?: string },
  query: QidoQuery,
): FindIdentifier {
  const level = LEVELS[resource.level];
  const keys: Record<string, unknown> = {};
  const returnKeys = [...DEFAULTS[level]];
  if (query.includefield === 'all') returnKeys.push(...ALL_EXTRA[level]);
  else for (const field of query.includefield ?? []) returnKeys.push(checkTopLevel(field));
  for (const key of returnKeys) {
    const { keyword, vr } = resolveAttribute(key);
    keys[keyword] = vr === 'SQ' || BINARY_NUMBER_VRS.has(vr) ? [] : '';
  }
  for (const [attributeId, value] of Object.entries(query.match ?? {})) {
    const { keyword, vr } = resolveAttribute(checkTopLevel(attributeId));
    keys[keyword] = toMatchingValue(vr, typeof value === 'string' ? value : value.join(','));
  }
  if (resource.StudyInstanceUID) keys.StudyInstanceUID = resource.StudyInstanceUID;
  if (resource.SeriesInstanceUID) keys.SeriesInstanceUID = resource.SeriesInstanceUID;
  return { level, keys };
}

function checkTopLevel(attributeId: string): string {
  if (attributeId.includes('.')) throw new QidoTranslationError(`sequence paths are not supported over DIMSE: ${attributeId}`);
  return attributeId;
}
