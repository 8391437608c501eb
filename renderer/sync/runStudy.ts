import { getNumber, getString, type DicomJsonDataset } from '../../app/dicomweb';
import { frameKey, type SeriesFetchJob } from '../../app/sync';
import { listedStudy } from '../cache/cachedWorklist';
import type { Cache } from '../cache/openCache';
import { getSeriesList, putSeriesList, putWorklistRecord } from '../cache/studyListing';
import { fetchSeriesFrames, seriesInstances, seriesMetadata, storedFrameKeys, type SeriesContext } from './fetchSeries';
import { gatewayJson, SyncRequestError, type RequestLimiter } from './gatewayFetch';

/** What one study's run reports as it goes. */
export interface StudyRunProgress {
  /** Frames in all, once every series' metadata is known. */
  onTotal(totalFrames: number, storedFrames: number): void;
  onFrames(n: number): void;
  onBytes(n: number): void;
}

/** One study to fetch into the cache. */
export interface StudyRunInput {
  cache: Cache;
  gatewayBaseUrl: string;
  nodeId: string;
  StudyInstanceUID: string;
  signal: AbortSignal;
  limiter: RequestLimiter;
  progress: StudyRunProgress;
}

/** The study's series (QIDO-RS, PS3.18 10.6.3.3.2): the list kept in the cache, else asked. */
async function seriesRows(input: StudyRunInput, nodeBase: string, onBytes: (n: number) => void): Promise<{ rows: DicomJsonDataset[]; fetched: boolean }> {
  const cached = await getSeriesList(input.cache, input.nodeId, input.StudyInstanceUID).catch(() => undefined);
  if (cached && cached.length > 0) return { rows: cached, fetched: false };
  const rows = await input.limiter.run(() => gatewayJson<DicomJsonDataset>(`${nodeBase}/studies/${input.StudyInstanceUID}/series`, input.signal, onBytes));
  return { rows, fetched: true };
}

/**
 * Fetches one study into the cache: its series list, the metadata of every series (stored before
 * any frame), then each series' missing frames (`fetchSeriesFrames`). Resolves with the frame
 * counts once every frame of every instance is stored; throws a {@link SyncRequestError} (or the
 * abort) otherwise, leaving what was stored for the next run.
 */
export async function runStudy(input: StudyRunInput): Promise<{ totalFrames: number; storedFrames: number }> {
  const { cache, nodeId, StudyInstanceUID, progress } = input;
  const nodeBase = `${input.gatewayBaseUrl}/nodes/${encodeURIComponent(nodeId)}/dicom-web`;
  const ctx: SeriesContext = { cache, nodeBase, nodeId, StudyInstanceUID, signal: input.signal, limiter: input.limiter, onBytes: progress.onBytes, onFrames: progress.onFrames };
  const { rows, fetched } = await seriesRows(input, nodeBase, progress.onBytes);
  if (rows.length === 0) throw new SyncRequestError('NOT_FOUND', `study ${StudyInstanceUID} has no series on ${nodeId}`, false);
  const jobs: SeriesFetchJob[] = [];
  for (const row of rows) {
    const SeriesInstanceUID = getString(row, '0020000E');
    if (!SeriesInstanceUID) continue;
    const metadata = await seriesMetadata(ctx, SeriesInstanceUID, getNumber(row, '00201209'));
    jobs.push({ nodeId, StudyInstanceUID, SeriesInstanceUID, instances: seriesInstances(metadata) });
  }
  if (fetched) await putSeriesList(cache, nodeId, StudyInstanceUID, rows);
  const summary = listedStudy(nodeId, StudyInstanceUID);
  if (summary) await putWorklistRecord(cache, summary);
  const totalFrames = jobs.reduce((sum, j) => sum + j.instances.reduce((n, i) => n + (i.NumberOfFrames ?? 1), 0), 0);
  const countStored = async () => {
    const present = await storedFrameKeys(ctx);
    return jobs.reduce((sum, j) => sum + j.instances.reduce((n, i) => n + Array.from({ length: i.NumberOfFrames ?? 1 }, (_, f) => present.has(frameKey(i.SOPInstanceUID, f + 1))).filter(Boolean).length, 0), 0);
  };
  progress.onTotal(totalFrames, await countStored());
  for (const job of jobs) await fetchSeriesFrames(ctx, job);
  const storedFrames = await countStored();
  if (storedFrames < totalFrames) throw new SyncRequestError('NODE_BAD_RESPONSE', `${totalFrames - storedFrames} frames of ${StudyInstanceUID} could not be stored`, true);
  return { totalFrames, storedFrames };
}
