import { lookupAttribute } from '../dicom/lookupAttribute';
import type { DicomJsonDataset } from './dicomJson';
import type { ResolvedQidoKey } from './matchQidoQuery';
import { QidoParamError } from './qidoQuery';

/** A QIDO-RS search level (PS3.18 10.6). */
export type QidoLevel = 'studies' | 'series' | 'instances';

const PATIENT_STUDY = [
  '00080005', '00080020', '00080030', '00080050', '00080056', '00080061', '00080090', '00080201', '00081190',
  '00100010', '00100020', '00100030', '00100040', '0020000D', '00200010', '00201206', '00201208',
];
const SERIES = ['00080005', '00080056', '00080060', '0008103E', '00081190', '0020000E', '00200011', '00201209', '00400244', '00400245', '00400275', '0020000D'];
const INSTANCE = ['00080005', '00080016', '00080018', '00080056', '00081190', '00200013', '00280010', '00280011', '00280100', '00280008', '0020000E', '0020000D'];

/**
 * Attributes returned by default at each level: PS3.18 Tables 10.6.3-3 (study),
 * 10.6.3-4 (series) and 10.6.3-5 (instance). Study and series UIDs are always
 * returned so that each result can be addressed.
 */
export const QIDO_DEFAULT_ATTRIBUTES: Readonly<Record<QidoLevel, readonly string[]>> = {
  studies: PATIENT_STUDY,
  series: SERIES,
  instances: INSTANCE,
};

/**
 * Resolves includefield values (PS3.18 8.3.4.3) to top-level tags.
 * @throws QidoParamError for a keyword the PS3.6 dictionary does not know.
 */
export function resolveIncludeFields(fields: readonly string[] | 'all' | undefined): string[] | 'all' {
  if (fields === 'all') return 'all';
  return (fields ?? []).map((field) => {
    const entry = lookupAttribute(field.split('.')[0]!);
    if (!entry) throw new QidoParamError(`includefield: unknown attribute "${field}"`);
    return entry.tag;
  });
}

/**
 * The attributes of one QIDO-RS result (PS3.18 10.6.3.3): the level's defaults,
 * the includefield attributes and the matching keys, taken from the entity's record;
 * `all` returns the whole record. With `notScoped` (a series or instance search not
 * limited to one study or series) the study (and series) defaults are added, as
 * PS3.18 Tables 10.6.3-4 and -5 list them for such searches.
 */
export function selectQidoAttributes(
  record: DicomJsonDataset,
  level: QidoLevel,
  include: readonly string[] | 'all',
  keys: readonly ResolvedQidoKey[],
  notScoped = { study: false, series: false },
): DicomJsonDataset {
  if (include === 'all') return record;
  const tags = new Set<string>(QIDO_DEFAULT_ATTRIBUTES[level]);
  if (level !== 'studies' && notScoped.study) for (const tag of PATIENT_STUDY) tags.add(tag);
  if (level === 'instances' && notScoped.series) for (const tag of SERIES) tags.add(tag);
  for (const tag of include) tags.add(tag);
  for (const key of keys) tags.add(key.tags[0]!);
  const out: DicomJsonDataset = {};
  for (const tag of [...tags].sort()) {
    const attribute = record[tag];
    if (attribute) out[tag] = attribute;
  }
  return out;
}
