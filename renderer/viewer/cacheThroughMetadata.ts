import { getNumber, getString, type DicomJsonDataset } from '../../app/dicomweb';
import { listedStudy } from '../cache/cachedWorklist';
import { getCachedSeries, getStudyMetadata, putStudyMetadata } from '../cache/metadataRepository';
import { studyKey } from '../../app/sync/studyKey';
import { getSharedCache } from '../cache/sharedCache';
import { getSeriesList, putSeriesList, putWorklistRecord } from '../cache/studyListingRepository';
import { markOpen, touchStudy } from '../cache/studyRepository';

/** The study a metadata request is about (a subset of the viewer's StudyLocation). */
export interface CachedStudyKey {
  nodeId: string;
  StudyInstanceUID: string;
}

/** Series lists fetched before their study had a cache record, kept until its metadata is stored. */
const pendingSeriesLists = new Map<string, DicomJsonDataset[]>();
/**
 * Studies read most recently (the one opened and the priors its layout reads), each kept from
 * eviction until it falls out of this list: a prior read for the hanging protocol must not take the
 * protection away from the study being read.
 */
const KEPT_OPEN = 8;
const openedStudies: { id: string; release: () => void }[] = [];

/** How long the last-access write waits, so it does not hold up the reads of the study being opened. */
const TOUCH_DELAY_MS = 1000;

/**
 * Records that the viewer read a study (opened, or a prior of the one opened): it is kept from
 * eviction (`markOpen`) at once, with the other studies read last (up to {@link KEPT_OPEN}); its
 * last access becomes now (`touchStudy`) a moment later, as an IndexedDB write on the studies table
 * would make the reads of the opening wait.
 */
export async function noteStudyOpened(key: CachedStudyKey): Promise<void> {
  const cache = await getSharedCache();
  if (!cache) return;
  const id = studyKey(key.nodeId, key.StudyInstanceUID);
  const known = openedStudies.findIndex((s) => s.id === id);
  const entry = known >= 0 ? openedStudies.splice(known, 1)[0]! : { id, release: markOpen(cache, key.nodeId, key.StudyInstanceUID) };
  openedStudies.unshift(entry);
  for (const dropped of openedStudies.splice(KEPT_OPEN)) dropped.release();
  await new Promise((resolve) => setTimeout(resolve, TOUCH_DELAY_MS));
  await touchStudy(cache, key.nodeId, key.StudyInstanceUID);
}

/** The study's series list as QIDO-RS served it, from the cache; undefined when it was not kept. */
export async function cachedSeriesRows(key: CachedStudyKey): Promise<DicomJsonDataset[] | undefined> {
  const cache = await getSharedCache();
  if (!cache) return undefined;
  return getSeriesList(cache, key.nodeId, key.StudyInstanceUID).catch(() => undefined);
}

/** Keeps a series list fetched from the gateway: with the study when it is cached, else until its metadata is. */
export async function storeSeriesRows(key: CachedStudyKey, rows: DicomJsonDataset[]): Promise<void> {
  const cache = await getSharedCache();
  if (!cache) return;
  if (!(await putSeriesList(cache, key.nodeId, key.StudyInstanceUID, rows))) pendingSeriesLists.set(studyKey(key.nodeId, key.StudyInstanceUID), rows);
}

/**
 * A series list rebuilt from the cached instance metadata of a study (when the gateway cannot be
 * reached and no list was kept): one row per cached series, with its cached instance count.
 */
export async function seriesRowsFromInstances(key: CachedStudyKey): Promise<DicomJsonDataset[] | undefined> {
  const cache = await getSharedCache();
  if (!cache) return undefined;
  const { instances, errors } = await getStudyMetadata(cache, key.nodeId, key.StudyInstanceUID);
  if (errors[0]) throw errors[0];
  if (instances.length === 0) return undefined;
  const bySeries = new Map<string, { row: DicomJsonDataset; count: number }>();
  for (const i of instances) {
    const uid = getString(i, '0020000E');
    if (!uid) continue;
    const entry = bySeries.get(uid) ?? { row: pickTags(i, ['0020000E', '00200011', '0008103E', '00080060']), count: 0 };
    entry.count += 1;
    bySeries.set(uid, entry);
  }
  return [...bySeries.values()].map(({ row, count }) => ({ ...row, '00201209': { vr: 'IS', Value: [count] } }));
}

/**
 * A series' instance metadata from the cache, exactly as the gateway served it (PS3.18 10.4.1.1.2),
 * when it stands for the whole series (app/sync `isSeriesMetadataComplete`, against the count in the
 * cached series list); with `partial`, whatever part of it is cached (the gateway cannot be
 * reached). Undefined otherwise. Throws the cache's CacheRecordError when a record does not decrypt.
 */
export async function cachedSeriesInstances(key: CachedStudyKey, SeriesInstanceUID: string, partial = false): Promise<DicomJsonDataset[] | undefined> {
  const cache = await getSharedCache();
  if (!cache) return undefined;
  const row = (await getSeriesList(cache, key.nodeId, key.StudyInstanceUID))?.find((r) => getString(r, '0020000E') === SeriesInstanceUID);
  const series = await getCachedSeries(cache, key, SeriesInstanceUID, row && getNumber(row, '00201209'));
  if (series.errors[0]) throw series.errors[0];
  return series.complete || (partial && series.instances.length > 0) ? series.instances : undefined;
}

/**
 * Caches a series' metadata fetched from the gateway, with the study's worklist record and series
 * list when they are known, so the study opens again without the network.
 */
export async function storeSeriesInstances(key: CachedStudyKey, instances: DicomJsonDataset[]): Promise<void> {
  const cache = await getSharedCache();
  if (!cache || instances.length === 0) return;
  await putStudyMetadata(cache, key.nodeId, instances);
  const id = studyKey(key.nodeId, key.StudyInstanceUID);
  const rows = pendingSeriesLists.get(id);
  if (rows && (await putSeriesList(cache, key.nodeId, key.StudyInstanceUID, rows))) pendingSeriesLists.delete(id);
  const summary = listedStudy(key.nodeId, key.StudyInstanceUID);
  if (summary) await putWorklistRecord(cache, summary);
  await touchStudy(cache, key.nodeId, key.StudyInstanceUID);
}

function pickTags(dataset: DicomJsonDataset, tags: readonly string[]): DicomJsonDataset {
  const out: DicomJsonDataset = {};
  for (const tag of tags) if (dataset[tag]) out[tag] = dataset[tag]!;
  return out;
}
