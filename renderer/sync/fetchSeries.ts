import { splitFrames } from '../../app/dicom/splitFrames';
import { frameContentType, frameTransferSyntax, getNumber, getString, type DicomJsonDataset } from '../../app/dicomweb';
import { nodeResourceUrl } from '../../app/dicomweb/gatewayPaths';
import { missingFrames, resumePlan, type SeriesFetchJob, type SeriesInstance } from '../../app/sync';
import { deleteInstanceFrames, putFrames, storedFrameKeys } from '../cache/frameRepository';
import { getInstanceMetadata, putStudyMetadata } from '../cache/metadataRepository';
import type { Cache } from '../cache/openCache';
import { mayNeedTranscoding, NATIVE_FRAMES_ACCEPT, needsTranscoding, pixelTraits } from './frameDefects';
import { FrameWriter } from './frameWriter';
import { gatewayGet, gatewayJson, streamMultipart, SyncRequestError, type RequestLimiter } from './gatewayFetch';
import type { FrameStore } from './workerFrameStore';

/** Whole instances as stored (PS3.18 8.7.3.5.2: `transfer-syntax=*`), for a series-level retrieve. */
const SERIES_ACCEPT = 'multipart/related; type="application/dicom"; transfer-syntax=*';
/** Frames as stored, compressed or not (PS3.18 8.7.3.5). */
const FRAMES_ACCEPT = 'multipart/related; type="application/octet-stream"; transfer-syntax=*';

/** What fetching one study's series needs: where, the cache, the shared request limit, and progress callbacks. */
export interface SeriesContext {
  cache: Cache;
  /** The gateway's base URL (see gatewayPaths.ts). */
  gatewayBaseUrl: string;
  nodeId: string;
  StudyInstanceUID: string;
  signal: AbortSignal;
  limiter: RequestLimiter;
  onBytes: (n: number) => void;
  /** Frames newly stored. */
  onFrames: (n: number) => void;
  /** Where frames are written (the frame store worker); `putFrames` on the page's thread when absent. */
  storeFrames?: FrameStore;
}

/** The context's frame store. */
function frameStore(ctx: SeriesContext): FrameStore {
  return ctx.storeFrames ?? ((frames) => putFrames(ctx.cache, frames));
}

/**
 * Instances of a series that have frames, with their frame counts (NumberOfFrames (0028,0008), 1
 * when absent). Documents (SR, Key Object Selection, encapsulated PDF, presentation states) have
 * no Image Pixel Module (Rows, PS3.3 C.7.6.3) and no frame: their metadata is all there is to keep.
 */
export function seriesInstances(metadata: readonly DicomJsonDataset[]): SeriesInstance[] {
  return metadata.flatMap((d) => {
    const SOPInstanceUID = getString(d, '00080018');
    return SOPInstanceUID && d['00280010'] !== undefined ? [{ SOPInstanceUID, NumberOfFrames: getNumber(d, '00280008') ?? 1 }] : [];
  });
}

/**
 * Fetches a series' instance metadata (PS3.18 10.4.1.1.2) and stores it. The request takes its
 * place in the limiter's queue at the call, before the caller's next request.
 */
export async function fetchSeriesMetadata(ctx: SeriesContext, SeriesInstanceUID: string): Promise<DicomJsonDataset[]> {
  const url = nodeResourceUrl(ctx.gatewayBaseUrl, ctx.nodeId, { kind: 'retrieve', what: 'metadata', StudyInstanceUID: ctx.StudyInstanceUID, SeriesInstanceUID });
  const fetched = await ctx.limiter.run(() => gatewayJson<DicomJsonDataset>(url, ctx.signal, ctx.onBytes));
  await putStudyMetadata(ctx.cache, ctx.nodeId, fetched);
  return fetched;
}

/**
 * Retrieves a whole series in one request (PS3.18 10.4.1.1.2); each instance's frames are cut from
 * its part as it arrives and handed to a {@link FrameWriter}, which stores them while the stream
 * goes on. `instances` is the series' metadata, which may still be on its way: both transfers
 * overlap, and frames are stored before it is known (a frame is only ever read through its
 * instance's metadata, so frames without it are never shown). Once it is known, the frames of an
 * instance the metadata does not list, or lists with another frame count, are removed and left to
 * the frame-by-frame retrieval. What was received is stored before this returns or throws (a
 * stream cut short keeps its complete parts).
 */
export async function fetchWholeSeries(ctx: SeriesContext, SeriesInstanceUID: string, instances: Promise<readonly SeriesInstance[]>): Promise<void> {
  const url = nodeResourceUrl(ctx.gatewayBaseUrl, ctx.nodeId, { kind: 'retrieve', what: 'instances', StudyInstanceUID: ctx.StudyInstanceUID, SeriesInstanceUID });
  await ctx.limiter.run(async () => {
    const writer = new FrameWriter(frameStore(ctx), ctx.onFrames);
    /** Frames handed to the writer, per instance. */
    const received = new Map<string, number>();
    try {
      const response = await gatewayGet(url, SERIES_ACCEPT, ctx.signal);
      await streamMultipart(
        response,
        async (part) => {
          let instance;
          try {
            instance = splitFrames(part.body);
          } catch {
            return; // Fetched frame by frame afterwards (deflated instances among them: no inflater here).
          }
          if (!instance.SOPInstanceUID) return;
          const frames = instance.frames();
          const contentType = frameContentType(instance.TransferSyntaxUID);
          // Frames the decoder gets wrong are fetched afterwards, transcoded by the PACS.
          if (needsTranscoding(instance.TransferSyntaxUID, instance.pixel, frames[0])) return;
          received.set(instance.SOPInstanceUID, frames.length);
          await writer.add(frames.map((bytes, i) => ({ nodeId: ctx.nodeId, StudyInstanceUID: ctx.StudyInstanceUID, SOPInstanceUID: instance.SOPInstanceUID, frame: i + 1, contentType, bytes })));
        },
        ctx.onBytes,
      );
    } finally {
      await writer.drain().catch(() => undefined);
      const listed = await instances.catch(() => undefined);
      if (listed) await removeUnlisted(ctx, listed, received);
    }
    await writer.drain();
  });
}

/** Removes the stored frames of instances `listed` does not have with as many frames (see {@link fetchWholeSeries}). */
async function removeUnlisted(ctx: SeriesContext, listed: readonly SeriesInstance[], received: ReadonlyMap<string, number>): Promise<void> {
  const counts = new Map(listed.map((i) => [i.SOPInstanceUID, i.NumberOfFrames ?? 1]));
  const stray = [...received].filter(([SOPInstanceUID, frames]) => counts.get(SOPInstanceUID) !== frames).map(([SOPInstanceUID]) => SOPInstanceUID);
  if (stray.length > 0) await deleteInstanceFrames(ctx.cache, ctx.nodeId, stray);
}

/** One frames request's parts (PS3.18 10.4.1.1.3), checked to be as many as asked. */
async function fetchFrameParts(ctx: SeriesContext, url: string, accept: string, count: number, SOPInstanceUID: string): Promise<{ contentType: string; bytes: Uint8Array }[]> {
  const response = await gatewayGet(url, accept, ctx.signal);
  const parts: { contentType: string; bytes: Uint8Array }[] = [];
  await streamMultipart(response, async (part) => void parts.push({ contentType: part.headers['content-type'] ?? 'application/octet-stream', bytes: part.body }), ctx.onBytes);
  if (parts.length !== count) throw new SyncRequestError('NODE_BAD_RESPONSE', `${parts.length} frames received for ${count} asked (${SOPInstanceUID})`, true);
  return parts;
}

/** Whether frames received as stored have a decoder defect a PACS transcoding cures (their instance's metadata is in the cache). */
async function framesNeedTranscoding(ctx: SeriesContext, SOPInstanceUID: string, parts: readonly { contentType: string; bytes: Uint8Array }[]): Promise<boolean> {
  const TransferSyntaxUID = frameTransferSyntax(parts[0]?.contentType);
  if (!mayNeedTranscoding(TransferSyntaxUID)) return false;
  const metadata = await getInstanceMetadata(ctx.cache, ctx.nodeId, SOPInstanceUID).catch(() => undefined);
  return metadata !== undefined && needsTranscoding(TransferSyntaxUID, pixelTraits(metadata), parts[0]!.bytes);
}

/**
 * Retrieves some frames of one instance (PS3.18 10.4.1.1.3) and stores them together; frames with
 * a decoder defect a transcoding cures are asked again as native frames (see frameDefects.ts).
 */
async function fetchInstanceFrames(ctx: SeriesContext, SeriesInstanceUID: string, SOPInstanceUID: string, frameNumbers: number[]): Promise<void> {
  const url = nodeResourceUrl(ctx.gatewayBaseUrl, ctx.nodeId, { kind: 'frames', what: 'frames', StudyInstanceUID: ctx.StudyInstanceUID, SeriesInstanceUID, SOPInstanceUID, frames: frameNumbers });
  await ctx.limiter.run(async () => {
    let parts = await fetchFrameParts(ctx, url, FRAMES_ACCEPT, frameNumbers.length, SOPInstanceUID);
    if (await framesNeedTranscoding(ctx, SOPInstanceUID, parts)) {
      // Native frames from the PACS's own decoder; when it cannot transcode, the frames as stored (the viewer then refuses them).
      parts = await fetchFrameParts(ctx, url, NATIVE_FRAMES_ACCEPT, frameNumbers.length, SOPInstanceUID).catch((error: unknown) => {
        if (ctx.signal.aborted) throw error;
        console.warn(`frames of ${SOPInstanceUID} not transcoded by the PACS:`, error instanceof Error ? error.message : error);
        return parts;
      });
    }
    await frameStore(ctx)(
      parts.map((p, i) => ({ nodeId: ctx.nodeId, StudyInstanceUID: ctx.StudyInstanceUID, SOPInstanceUID, frame: frameNumbers[i]!, contentType: p.contentType, bytes: p.bytes })),
    );
    ctx.onFrames(parts.length);
  });
}

/**
 * Fetches the frames of one series that the cache does not hold (metadata is stored first, by
 * {@link seriesMetadata}): the whole series in one multipart request when none of its frames is
 * stored and `retrieved` is false (see {@link fetchWholeSeries}); then the frames still missing,
 * one request per instance (`resumePlan`), so a stored frame is never asked again.
 */
export async function fetchSeriesFrames(ctx: SeriesContext, job: SeriesFetchJob, retrieved = false): Promise<void> {
  let present = await storedFrameKeys(ctx.cache, ctx.nodeId, ctx.StudyInstanceUID);
  const plan = resumePlan(job, present);
  if (plan.length === 0) return;
  if (plan[0]!.kind === 'series' && !retrieved) {
    await fetchWholeSeries(ctx, job.SeriesInstanceUID, Promise.resolve(job.instances));
    present = await storedFrameKeys(ctx.cache, ctx.nodeId, ctx.StudyInstanceUID);
  }
  // Settled, not raced: a retry must never overlap a request still storing frames.
  const results = await Promise.allSettled(missingFrames(job, present).map((m) => fetchInstanceFrames(ctx, job.SeriesInstanceUID, m.SOPInstanceUID, m.frameNumbers)));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}
