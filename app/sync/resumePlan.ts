/** One instance of a series and its number of frames (NumberOfFrames (0028,0008); 1 if absent). */
export interface SeriesInstance {
  SOPInstanceUID: string;
  NumberOfFrames?: number;
}

/** A series to fetch into the cache, with its instances from the series metadata. */
export interface SeriesFetchJob {
  nodeId: string;
  StudyInstanceUID: string;
  SeriesInstanceUID: string;
  instances: readonly SeriesInstance[];
}

/**
 * One request group of a resumed fetch: the whole series (WADO-RS series retrieve, PS3.18
 * 10.4.1.1.2) when nothing is stored yet, else frame lists (WADO-RS frames, PS3.18 10.4.1.1.3),
 * one request per instance entry, at most `batchSize` frames per batch in all.
 */
export type ResumeBatch =
  | { kind: 'series'; nodeId: string; StudyInstanceUID: string; SeriesInstanceUID: string }
  | { kind: 'frames'; nodeId: string; StudyInstanceUID: string; SeriesInstanceUID: string; frames: { SOPInstanceUID: string; frameNumbers: number[] }[] };

/** Default number of frames per frames batch. */
export const DEFAULT_FRAME_BATCH_SIZE = 32;

/** The key of one stored frame: `<SOPInstanceUID>/<frame number, 1-based>`. */
export function frameKey(SOPInstanceUID: string, frameNumber: number): string {
  return `${SOPInstanceUID}/${frameNumber}`;
}

function frameCount(instance: SeriesInstance): number {
  const n = instance.NumberOfFrames;
  return n !== undefined && Number.isInteger(n) && n > 0 ? n : 1;
}

/**
 * The frames of a series not in `framesPresent`, one entry per instance (1-based frame numbers,
 * PS3.18 10.4.1.1.3 frame lists), in series order.
 */
export function missingFrames(job: Pick<SeriesFetchJob, 'instances'>, framesPresent: ReadonlySet<string>): { SOPInstanceUID: string; frameNumbers: number[] }[] {
  const missing: { SOPInstanceUID: string; frameNumbers: number[] }[] = [];
  for (const instance of job.instances) {
    const frameNumbers: number[] = [];
    for (let frameNumber = 1; frameNumber <= frameCount(instance); frameNumber += 1) if (!framesPresent.has(frameKey(instance.SOPInstanceUID, frameNumber))) frameNumbers.push(frameNumber);
    if (frameNumbers.length > 0) missing.push({ SOPInstanceUID: instance.SOPInstanceUID, frameNumbers });
  }
  return missing;
}

/**
 * The frames of a series still to fetch after an interruption, so that no stored frame is
 * fetched again: the whole series when none of its frames is stored, nothing when all are,
 * else the {@link missingFrames} cut into batches of at most `batchSize` frames.
 */
export function resumePlan(job: SeriesFetchJob, framesPresent: ReadonlySet<string>, options: { batchSize?: number } = {}): ResumeBatch[] {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_FRAME_BATCH_SIZE));
  const where = { nodeId: job.nodeId, StudyInstanceUID: job.StudyInstanceUID, SeriesInstanceUID: job.SeriesInstanceUID };
  const missing = missingFrames(job, framesPresent).flatMap(({ SOPInstanceUID, frameNumbers }) => frameNumbers.map((frameNumber) => ({ SOPInstanceUID, frameNumber })));
  if (missing.length === 0) return [];
  const total = job.instances.reduce((n, instance) => n + frameCount(instance), 0);
  if (missing.length === total) return [{ kind: 'series', ...where }];
  const batches: ResumeBatch[] = [];
  for (let start = 0; start < missing.length; start += batchSize) {
    const frames: { SOPInstanceUID: string; frameNumbers: number[] }[] = [];
    for (const { SOPInstanceUID, frameNumber } of missing.slice(start, start + batchSize)) {
      const last = frames[frames.length - 1];
      if (last && last.SOPInstanceUID === SOPInstanceUID) last.frameNumbers.push(frameNumber);
      else frames.push({ SOPInstanceUID, frameNumbers: [frameNumber] });
    }
    batches.push({ kind: 'frames', ...where, frames });
  }
  return batches;
}
