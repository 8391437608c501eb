import { isDocumentModality } from '../../app/dicom/documentSeries';
import { getNumber, getString, type DicomJsonDataset } from '../../app/dicomweb';
import { nodeResourceUrl } from '../../app/dicomweb/gatewayPaths';
import { frameKey, type SeriesFetchJob, type SeriesInstance } from '../../app/sync';
import { listedStudy } from '../cache/cachedWorklist';
import { getSeriesList, putSeriesList, putWorklistRecord } from '../cache/studyListingRepository';
import { fetchSeriesFrames, fetchSeriesMetadata, fetchWholeSeries, seriesInstances, type SeriesContext } from './fetchSeries';
import { storedFrameKeys } from '../cache/frameRepository';
import { getCachedSeries } from '../cache/metadataRepository';
import { gatewayJson, SyncRequestError } from './gatewayFetch';

/** What one study's run reports as it goes. */
export interface StudyRunProgress {
  /**
   * Frames in all of the series whose metadata is known so far (all of them at the last call),
   * with the frames stored when they were counted (absent: unchanged).
   */
  onTotal(totalFrames: number, storedFrames?: number): void;
  onFrames(n: number): void;
  onBytes(n: number): void;
}

/** One study to fetch into the cache: where, the cache, the request limit and frame store of a {@link SeriesContext}, and its progress. */
export interface StudyRunInput extends Omit<SeriesContext, 'onBytes' | 'onFrames'> {
  progress: StudyRunProgress;
}

/** The study's series (QIDO-RS, PS3.18 10.6.3.3.2): the list kept in the cache, else asked. */
async function seriesRows(input: StudyRunInput, onBytes: (n: number) => void): Promise<{ rows: DicomJsonDataset[]; fetched: boolean }> {
  const cached = await getSeriesList(input.cache, input.nodeId, input.StudyInstanceUID).catch(() => undefined);
  if (cached && cached.length > 0) return { rows: cached, fetched: false };
  const rows = await input.limiter.run(() => gatewayJson<DicomJsonDataset>(nodeResourceUrl(input.gatewayBaseUrl, input.nodeId, { kind: 'search', level: 'series', StudyInstanceUID: input.StudyInstanceUID }), input.signal, onBytes));
  return { rows, fetched: true };
}

/**
 * One series: its metadata (from the cache, else fetched and stored) and, for a study with no frame
 * stored yet, its whole-series retrieval started right behind the metadata request, so that both
 * transfers overlap (frames are stored as they come and checked against the metadata once it is
 * known). Resolves once both are settled.
 */
async function runSeries(ctx: SeriesContext, row: DicomJsonDataset, fresh: boolean, onInstances: (instances: readonly SeriesInstance[]) => void): Promise<SeriesFetchJob | undefined> {
  const SeriesInstanceUID = getString(row, '0020000E');
  if (!SeriesInstanceUID) return undefined;
  const series = await getCachedSeries(ctx.cache, ctx, SeriesInstanceUID, getNumber(row, '00201209'));
  const cached = series.complete ? series.instances : undefined;
  // The series' frame count joins the progress total as soon as its metadata is known.
  const instances = (cached ? Promise.resolve(cached) : fetchSeriesMetadata(ctx, SeriesInstanceUID)).then((metadata) => {
    const list = seriesInstances(metadata);
    onInstances(list);
    return list;
  });
  // A series of documents (SR, KOS, PDF) has no frame: its metadata is all that is kept.
  const retrieval = fresh && !isDocumentModality(getString(row, '00080060')) ? fetchWholeSeries(ctx, SeriesInstanceUID, instances) : Promise.resolve();
  // Settled both: a retry must never overlap a request still storing frames.
  const [metadata, frames] = await Promise.allSettled([instances, retrieval]);
  if (metadata.status === 'rejected') throw metadata.reason;
  if (frames.status === 'rejected') throw frames.reason;
  return { nodeId: ctx.nodeId, StudyInstanceUID: ctx.StudyInstanceUID, SeriesInstanceUID, instances: metadata.value };
}

/** Frames of instances: NumberOfFrames (0028,0008) each, 1 when absent (single-frame). */
export function framesIn(instances: readonly SeriesInstance[]): number {
  return instances.reduce((n, i) => n + (i.NumberOfFrames ?? 1), 0);
}

/** Frames in all of the series' instances. */
function framesOf(jobs: readonly SeriesFetchJob[]): number {
  return jobs.reduce((sum, j) => sum + framesIn(j.instances), 0);
}

/**
 * Fetches one study into the cache: its series list, then series by series their metadata and,
 * when nothing of the study is stored yet, the whole series alongside (`runSeries`; frames are
 * checked against the metadata once it is known, see `fetchWholeSeries`); then each series' missing frames (`fetchSeriesFrames`). Resolves with
 * the frame counts once every frame of every instance is stored; throws a
 * {@link SyncRequestError} (or the abort) otherwise, leaving what was stored for the next run.
 */
export async function runStudy(input: StudyRunInput): Promise<{ totalFrames: number; storedFrames: number }> {
  const { cache, nodeId, StudyInstanceUID, progress } = input;
  const ctx: SeriesContext = { cache, gatewayBaseUrl: input.gatewayBaseUrl, nodeId, StudyInstanceUID, signal: input.signal, limiter: input.limiter, onBytes: progress.onBytes, onFrames: progress.onFrames, storeFrames: input.storeFrames };
  const { rows, fetched } = await seriesRows(input, progress.onBytes);
  if (rows.length === 0) throw new SyncRequestError('NOT_FOUND', `study ${StudyInstanceUID} has no series on ${nodeId}`, false);
  const countStored = async (jobs: readonly SeriesFetchJob[]) => {
    const present = await storedFrameKeys(ctx.cache, ctx.nodeId, ctx.StudyInstanceUID);
    return jobs.reduce((sum, j) => sum + j.instances.reduce((n, i) => n + Array.from({ length: i.NumberOfFrames ?? 1 }, (_, f) => present.has(frameKey(i.SOPInstanceUID, f + 1))).filter(Boolean).length, 0), 0);
  };
  const fresh = (await storedFrameKeys(ctx.cache, ctx.nodeId, ctx.StudyInstanceUID)).size === 0;
  const jobs: SeriesFetchJob[] = [];
  let knownFrames = 0;
  for (const row of rows) {
    const job = await runSeries(ctx, row, fresh, (instances) => progress.onTotal((knownFrames += framesIn(instances))));
    if (job) jobs.push(job);
  }
  if (fetched) await putSeriesList(cache, nodeId, StudyInstanceUID, rows);
  const summary = listedStudy(nodeId, StudyInstanceUID);
  if (summary) await putWorklistRecord(cache, summary);
  const totalFrames = framesOf(jobs);
  progress.onTotal(totalFrames, await countStored(jobs));
  for (const job of jobs) await fetchSeriesFrames(ctx, job, fresh);
  const storedFrames = await countStored(jobs);
  if (storedFrames < totalFrames) throw new SyncRequestError('NODE_BAD_RESPONSE', `${totalFrames - storedFrames} frames of ${StudyInstanceUID} could not be stored`, true);
  return { totalFrames, storedFrames };
}
