import { wadors } from '@cornerstonejs/dicom-image-loader';
import { getNumber, getString, isDicomJsonDataset, type DicomJsonDataset } from '../../app/dicomweb';
import { seriesImages, type SeriesImage } from './orderSeriesImages';

/** A series of a study as QIDO-RS reports it (PS3.18 10.6.3.3.2). */
export interface SeriesSummary {
  SeriesInstanceUID: string;
  SeriesNumber?: number;
  SeriesDescription?: string;
  Modality?: string;
  NumberOfSeriesRelatedInstances?: number;
}

/** Where a study lives: the gateway, the node, the study. */
export interface StudyLocation {
  /** Gateway base URL ('/gateway' in web mode, 'garde://gateway' in Electron). */
  gatewayBaseUrl: string;
  nodeId: string;
  StudyInstanceUID: string;
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

/** The study's DICOMweb root on the gateway, as an absolute URL (image ids must not be relative). */
export function studyUrl(location: StudyLocation): string {
  const base = new URL(location.gatewayBaseUrl, globalThis.location?.href).href.replace(/\/+$/, '');
  return `${base}/nodes/${encodeURIComponent(location.nodeId)}/dicom-web/studies/${location.StudyInstanceUID}`;
}

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

/** The series of a study (QIDO-RS `studies/{uid}/series`), in SeriesNumber order. */
export async function fetchSeriesList(location: StudyLocation, signal?: AbortSignal): Promise<SeriesSummary[]> {
  const rows = await getJson(`${studyUrl(location)}/series`, signal);
  const series = rows.flatMap((d): SeriesSummary[] => {
    const SeriesInstanceUID = getString(d, '0020000E');
    if (!SeriesInstanceUID) return [];
    return [{ SeriesInstanceUID, SeriesNumber: getNumber(d, '00200011'), SeriesDescription: getString(d, '0008103E'), Modality: getString(d, '00080060'), NumberOfSeriesRelatedInstances: getNumber(d, '00201209') }];
  });
  return series.sort((a, b) => (a.SeriesNumber ?? 0) - (b.SeriesNumber ?? 0));
}

/**
 * Fetches a series' metadata (WADO-RS `series/{uid}/metadata`, PS3.18 10.4.1.1.2), registers each
 * frame's metadata with the dicom-image-loader's WADO-RS metadata manager, and returns the frames in
 * display order (see {@link seriesImages}).
 */
export async function loadSeriesImages(location: StudyLocation, SeriesInstanceUID: string, signal?: AbortSignal): Promise<SeriesImage[]> {
  const seriesUrl = `${studyUrl(location)}/series/${SeriesInstanceUID}`;
  const instances = await getJson(`${seriesUrl}/metadata`, signal);
  const images = seriesImages(seriesUrl, instances);
  for (const image of images) wadors.metaDataManager.add(image.imageId, image.instance as never);
  return images;
}
