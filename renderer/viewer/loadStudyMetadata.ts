import { wadors } from '@cornerstonejs/dicom-image-loader';
import { getNumber, getString, isDicomJsonDataset, type DicomJsonDataset } from '../../app/dicomweb';
import { nodeResourceUrl, studyUrl as gatewayStudyUrl, type StudyLocation } from '../../app/dicomweb/gatewayPaths';
import { initCornerstone } from './initCornerstone';
import { registerCacheThroughLoader } from './cacheThroughLoader';
import { cachedSeriesInstances, cachedSeriesRows, noteStudyOpened, seriesRowsFromInstances, storeSeriesInstances, storeSeriesRows } from './cacheThroughMetadata';
import { seriesImages, type SeriesImage } from './orderSeriesImages';
import { createSharedLoads } from './sharedLoads';

export type { StudyLocation } from '../../app/dicomweb/gatewayPaths';

/** A series of a study as QIDO-RS reports it (PS3.18 10.6.3.3.2). */
export interface SeriesSummary {
  SeriesInstanceUID: string;
  SeriesNumber?: number;
  SeriesDescription?: string;
  Modality?: string;
  NumberOfSeriesRelatedInstances?: number;
}

/** An HTTP or content failure of the gateway, with the gateway's error code when it sent one. */
export class StudyLoadError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'StudyLoadError';
  }
}

/** The study's location with an absolute gateway base (image ids must not be relative). */
export function absoluteLocation(location: StudyLocation): StudyLocation {
  return { ...location, gatewayBaseUrl: new URL(location.gatewayBaseUrl, globalThis.location?.href).href };
}

/** The study's DICOMweb root on the gateway, as an absolute URL (see gatewayPaths.ts). */
export function studyUrl(location: StudyLocation): string {
  return gatewayStudyUrl(absoluteLocation(location));
}

/**
 * Series lists and series metadata read by this page, shared by the screens of an open study (series
 * list, hanging protocol, stack and grid viewports) so each is read and decrypted once; kept for the
 * series used last (a study and its priors). An empty answer is not kept: the study may be arriving.
 */
const seriesLists = createSharedLoads<SeriesSummary[]>(8, (series) => series.length > 0);
const seriesMetadata = createSharedLoads<SeriesImage[]>(32, (images) => images.length > 0);

async function getJson(url: string, signal?: AbortSignal): Promise<DicomJsonDataset[]> {
  const response = await fetch(url, { credentials: 'same-origin', signal, headers: { accept: 'application/dicom+json' } });
  if (response.status === 204) return [];
  const body = (await response.json().catch(() => undefined)) as unknown;
  if (!response.ok) {
    const error = (body ?? {}) as { code?: string; message?: string };
    throw new StudyLoadError(error.message ?? `HTTP ${response.status}`, error.code ?? 'NODE_BAD_RESPONSE');
  }
  if (!Array.isArray(body)) throw new StudyLoadError('The answer is not a DICOM JSON array', 'NODE_BAD_RESPONSE');
  return body.filter(isDicomJsonDataset);
}

/**
 * Cache first, then the gateway: `fromCache` (undefined when not cached), else `fromGateway`, whose
 * answer is stored by `store` in the background. When the gateway fails, `fallback` may still
 * answer from the cache; else the cache's own error, or the gateway's, is thrown.
 */
async function cacheThrough<T>(fromCache: () => Promise<T | undefined>, fromGateway: () => Promise<T>, store: (value: T) => Promise<void>, fallback?: () => Promise<T | undefined>): Promise<T> {
  let cacheError: unknown;
  const cached = await fromCache().catch((error: unknown) => void (cacheError = error));
  if (cached) return cached;
  try {
    const value = await fromGateway();
    void store(value).catch((error: unknown) => console.warn('not cached:', error instanceof Error ? error.message : error));
    return value;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    const local = await fallback?.().catch(() => undefined);
    if (local) return local;
    throw cacheError ?? error;
  }
}

/**
 * The series of a study (QIDO-RS `studies/{uid}/series`, PS3.18 10.6.3.3.2), in SeriesNumber order:
 * from the local cache when the study's series list is kept there, else from the gateway (and then
 * kept). Opening a study records its access in the cache.
 */
export async function fetchSeriesList(location: StudyLocation, signal?: AbortSignal): Promise<SeriesSummary[]> {
  void noteStudyOpened(location).catch(() => undefined);
  const series = await seriesLists.get(studyUrl(location), (shared) => readSeriesList(location, shared), signal);
  return [...series];
}

/** A QIDO-RS series row as a {@link SeriesSummary} (none without SeriesInstanceUID). */
function seriesSummaryOf(d: DicomJsonDataset): SeriesSummary[] {
  const SeriesInstanceUID = getString(d, '0020000E');
  if (!SeriesInstanceUID) return [];
  return [{ SeriesInstanceUID, SeriesNumber: getNumber(d, '00200011'), SeriesDescription: getString(d, '0008103E'), Modality: getString(d, '00080060'), NumberOfSeriesRelatedInstances: getNumber(d, '00201209') }];
}

async function readSeriesList(location: StudyLocation, signal: AbortSignal): Promise<SeriesSummary[]> {
  const rows = await cacheThrough(
    () => cachedSeriesRows(location),
    () => getJson(nodeResourceUrl(location.gatewayBaseUrl, location.nodeId, { kind: 'search', level: 'series', StudyInstanceUID: location.StudyInstanceUID }), signal),
    (value) => storeSeriesRows(location, value),
    () => seriesRowsFromInstances(location),
  );
  const series = rows.flatMap(seriesSummaryOf);
  return series.sort((a, b) => (a.SeriesNumber ?? 0) - (b.SeriesNumber ?? 0));
}

/**
 * A series' metadata (WADO-RS `series/{uid}/metadata`, PS3.18 10.4.1.1.2), from the local cache
 * when the series is cached there, else from the gateway (and then cached); registers each frame's
 * metadata with the dicom-image-loader's WADO-RS metadata manager, and returns the frames in
 * display order (see {@link seriesImages}). Their frames load cache first too (cacheThroughLoader.ts).
 * Read once for all the screens of the open study (see {@link seriesMetadata}).
 */
export async function loadSeriesImages(location: StudyLocation, SeriesInstanceUID: string, signal?: AbortSignal): Promise<SeriesImage[]> {
  // The image loader's init registers its own `wadors` loader and purges the metadata registered
  // before it: a study opened before the viewer's start-up ends would lose both.
  await initCornerstone();
  registerCacheThroughLoader();
  const absolute = absoluteLocation(location);
  const key = nodeResourceUrl(absolute.gatewayBaseUrl, absolute.nodeId, { kind: 'retrieve', what: 'metadata', StudyInstanceUID: absolute.StudyInstanceUID, SeriesInstanceUID });
  const images = await seriesMetadata.get(key, (shared) => readSeriesImages(absolute, SeriesInstanceUID, key, shared), signal);
  return [...images];
}

async function readSeriesImages(location: StudyLocation, SeriesInstanceUID: string, metadataUrl: string, signal: AbortSignal): Promise<SeriesImage[]> {
  const instances = await cacheThrough(
    () => cachedSeriesInstances(location, SeriesInstanceUID),
    () => getJson(metadataUrl, signal),
    (value) => storeSeriesInstances(location, value),
    () => cachedSeriesInstances(location, SeriesInstanceUID, true),
  );
  const images = seriesImages(location, SeriesInstanceUID, instances);
  for (const image of images) wadors.metaDataManager.add(image.imageId, image.instance as never);
  return images;
}

/**
 * The instance metadata of a series of documents (SR, KOS, encapsulated PDF: no frame to show), as
 * DICOM JSON: from the local cache when the series is cached there, else from the gateway (and
 * then cached), so a report on the PACS stays readable offline once prefetched.
 */
export async function loadSeriesInstances(location: StudyLocation, SeriesInstanceUID: string, signal?: AbortSignal): Promise<DicomJsonDataset[]> {
  const absolute = absoluteLocation(location);
  const url = nodeResourceUrl(absolute.gatewayBaseUrl, absolute.nodeId, { kind: 'retrieve', what: 'metadata', StudyInstanceUID: absolute.StudyInstanceUID, SeriesInstanceUID });
  return cacheThrough(
    () => cachedSeriesInstances(absolute, SeriesInstanceUID),
    () => getJson(url, signal),
    (value) => storeSeriesInstances(absolute, value),
    () => cachedSeriesInstances(absolute, SeriesInstanceUID, true),
  );
}

/**
 * The series of a study as its node lists them now (QIDO-RS, past the cache: a report sent
 * minutes ago is there), else as the cache keeps them (offline).
 */
export async function fetchSeriesListFromNode(location: StudyLocation, signal?: AbortSignal): Promise<SeriesSummary[]> {
  try {
    const rows = await getJson(nodeResourceUrl(location.gatewayBaseUrl, location.nodeId, { kind: 'search', level: 'series', StudyInstanceUID: location.StudyInstanceUID }), signal);
    return rows.flatMap(seriesSummaryOf);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return fetchSeriesList(location, signal);
  }
}
