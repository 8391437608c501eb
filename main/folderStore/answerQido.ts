import { retrieveUrl } from '../../app/dicomweb/parseDicomwebPath';
import type { DicomJsonDataset } from '../../app/dicomweb/dicomJson';
import { matchQidoQuery, resolveQidoKeys } from '../../app/dicomweb/matchQidoQuery';
import { parseQidoParams } from '../../app/dicomweb/qidoQuery';
import { resolveIncludeFields, selectQidoAttributes, type QidoLevel } from '../../app/dicomweb/qidoReturnAttributes';
import { instanceRecord, seriesRecord, sortInstances, studyRecord } from './entityRecords';
import type { IndexedInstance, InstanceIndex } from './instanceIndex';
import { withPublicBulkDataUris } from '../../app/dicom/part10Dataset';
import { bulkDataBase } from '../gateway/part10Wado';

/** A QIDO-RS search (PS3.18 10.6) on a local index. */
export interface LocalQidoSearch {
  level: QidoLevel;
  StudyInstanceUID?: string;
  SeriesInstanceUID?: string;
  /** The request's query parameters (percent-decoded). */
  params: URLSearchParams;
  publicBase: string;
}

/** A search result page and whether more results exist past `limit` (PS3.18 8.3.4.4). */
export interface LocalQidoResult {
  results: DicomJsonDataset[];
  truncated: boolean;
}

/**
 * Answers a QIDO-RS search from an {@link InstanceIndex}: matching per PS3.4 C.2.2.2
 * (see matchQidoKey), results per PS3.18 10.6.3.3 with includefield, computed
 * attributes (ModalitiesInStudy, NumberOfStudyRelated*, NumberOfSeriesRelatedInstances),
 * RetrieveURL, then offset and limit.
 * @throws QidoParamError for an invalid parameter (the caller answers 400).
 */
export function searchIndex(index: InstanceIndex, search: LocalQidoSearch): LocalQidoResult {
  const query = parseQidoParams(search.params.entries());
  const keys = resolveQidoKeys(Object.fromEntries(Object.entries(query.match ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v : v.join(',')])));
  const include = resolveIncludeFields(query.includefield);
  const all = include === 'all';
  const options = { fuzzy: query.fuzzymatching === true };
  const base = search.publicBase;
  const scope = { ...(search.StudyInstanceUID ? { StudyInstanceUID: search.StudyInstanceUID } : {}), ...(search.SeriesInstanceUID ? { SeriesInstanceUID: search.SeriesInstanceUID } : {}) };
  const notScoped = { study: !search.StudyInstanceUID, series: !search.SeriesInstanceUID };
  const groups = groupBy(index.instances(scope), search.level);
  const matched: Array<{ sortKey: string; record: DicomJsonDataset; first: IndexedInstance }> = [];
  const cache = new Map<string, DicomJsonDataset>();
  for (const members of groups.values()) {
    const first = sortInstances(members)[0]!;
    if (search.level === 'instances') {
      for (const instance of members) {
        const url = retrieveUrl(base, instance);
        const record = withStudySeries(instanceRecord(instance, url), index, instance, notScoped, base, cache);
        if (matchQidoQuery(record, keys, options)) matched.push({ sortKey: instanceSortKey(instance), record, first: instance });
      }
      continue;
    }
    const url = retrieveUrl(base, { StudyInstanceUID: first.StudyInstanceUID, ...(search.level === 'series' ? { SeriesInstanceUID: first.SeriesInstanceUID } : {}) });
    let record = search.level === 'studies' ? studyRecord(members, url, all) : seriesRecord(members, url, all);
    if (search.level === 'series' && notScoped.study) record = { ...studyLevel(index, first, base), ...record };
    if (matchQidoQuery(record, keys, options)) matched.push({ sortKey: entitySortKey(search.level, record, first), record, first });
  }
  matched.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  const offset = query.offset ?? 0;
  const page = query.limit === undefined ? matched.slice(offset) : matched.slice(offset, offset + query.limit);
  return {
    results: page.map(({ record, first }) => withPublicBulkDataUris(selectQidoAttributes(record, search.level, include, keys, notScoped), bulkDataBase(base, first))),
    truncated: offset + page.length < matched.length,
  };
}

function groupBy(instances: IndexedInstance[], level: QidoLevel): Map<string, IndexedInstance[]> {
  const groups = new Map<string, IndexedInstance[]>();
  for (const instance of instances) {
    const key = level === 'studies' ? instance.StudyInstanceUID : instance.SeriesInstanceUID;
    const group = groups.get(key);
    if (group) group.push(instance);
    else groups.set(key, [instance]);
  }
  return groups;
}

function studyLevel(index: InstanceIndex, instance: IndexedInstance, base: string): DicomJsonDataset {
  return studyRecord(index.instances({ StudyInstanceUID: instance.StudyInstanceUID }), retrieveUrl(base, { StudyInstanceUID: instance.StudyInstanceUID }), false);
}

/** Adds the study (and series) computed attributes to an instance record of an unscoped search. */
function withStudySeries(
  record: DicomJsonDataset,
  index: InstanceIndex,
  instance: IndexedInstance,
  notScoped: { study: boolean; series: boolean },
  base: string,
  cache: Map<string, DicomJsonDataset>,
): DicomJsonDataset {
  if (!notScoped.series) return record;
  const key = `${instance.StudyInstanceUID}|${instance.SeriesInstanceUID}`;
  let upper = cache.get(key);
  if (!upper) {
    const { '00081190': _study, ...study } = notScoped.study ? studyLevel(index, instance, base) : {};
    const scope = { StudyInstanceUID: instance.StudyInstanceUID, SeriesInstanceUID: instance.SeriesInstanceUID };
    const { '00081190': _series, ...series } = seriesRecord(index.instances(scope), '', false);
    upper = { ...study, ...series };
    cache.set(key, upper);
  }
  return { ...upper, ...record };
}

function entitySortKey(level: QidoLevel, record: DicomJsonDataset, first: IndexedInstance): string {
  if (level === 'studies') {
    const date = String(record['00080020']?.Value?.[0] ?? '');
    return `${(99999999 - Number(date || 0)).toString().padStart(8, '0')}|${first.StudyInstanceUID}`;
  }
  const n = record['00200011']?.Value?.[0];
  return `${first.StudyInstanceUID}|${String(typeof n === 'number' ? n : 999999).padStart(6, '0')}|${first.SeriesInstanceUID}`;
}

function instanceSortKey(instance: IndexedInstance): string {
  const n = instance.dataset['00200013']?.Value?.[0];
  return `${instance.StudyInstanceUID}|${instance.SeriesInstanceUID}|${String(typeof n === 'number' ? n : 999999).padStart(6, '0')}|${instance.SOPInstanceUID}`;
}
