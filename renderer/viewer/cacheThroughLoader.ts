import { Enums, imageRetrievalPoolManager, registerImageLoader, type Types } from '@cornerstonejs/core';
import { createImage, wadors } from '@cornerstonejs/dicom-image-loader';
import { frameTransferSyntax } from '../../app/dicomweb/frameTransferSyntax';
import { parseFrameUrl } from '../../app/dicomweb/gatewayPaths';
import { getFrame, putFrame } from '../cache/frameRepository';
import type { Cache } from '../cache/openCache';
import { getSharedCache } from '../cache/sharedCache';
import { decodableFrame } from './decodableFrame';
import { modalityValues } from './modalityValues';
import { preparePaletteColor } from './paletteColorLookup';
import { installImageLoadFailureFilter, markImageLoadFailure } from './imageLoadFailures';
import { exposeFrameDiagnostics } from '../testHooks/frameDiagnostics';

/** What the loader asks the gateway for: one frame, in the syntax the PACS stores it (`*`) or in a given one (PS3.18 8.7.3.5). */
const mediaType = (TransferSyntaxUID = '*') => `multipart/related; type=application/octet-stream; transfer-syntax=${TransferSyntaxUID}`;
/** The options Cornerstone3D passes a `wadors` loader (the dicom-image-loader's own type). */
type LoaderOptions = NonNullable<Parameters<typeof wadors.loadImage>[1]>;

/** The cache key of a frame: its node, study, instance and frame number (see gatewayPaths.ts `parseFrameUrl`). */
export interface FrameKey {
  nodeId: string;
  StudyInstanceUID: string;
  SOPInstanceUID: string;
  frame: number;
}

/** The frame a `wadors:` image id names, or undefined when it is not a single gateway frame. */
export function frameKeyOf(imageId: string): FrameKey | undefined {
  const f = parseFrameUrl(imageId.replace(/^wadors:/, ''));
  return f && { nodeId: f.nodeId, StudyInstanceUID: f.StudyInstanceUID, SOPInstanceUID: f.SOPInstanceUID, frame: f.frame };
}

/** One frame's bytes as the PACS sent them, and their content type. */
export interface FrameBytes {
  bytes: Uint8Array;
  contentType: string;
}

/**
 * Fetches one frame from the gateway with the dicom-image-loader's own request (one HTTP request),
 * as stored, or transcoded by the PACS to `TransferSyntaxUID`.
 */
export async function fetchFrame(imageId: string, options: LoaderOptions = {}, TransferSyntaxUID?: string): Promise<FrameBytes> {
  const part = (await wadors.getPixelData(imageId.substring('wadors:'.length), imageId, mediaType(TransferSyntaxUID), { ...options })) as { pixelData: Uint8Array; contentType?: string };
  return { bytes: part.pixelData, contentType: part.contentType ?? 'application/octet-stream' };
}

/**
 * Decodes one frame's bytes in the loader's workers, exactly as the WADO-RS loader does, once a
 * PALETTE COLOR frame's palette is registered in the form the loader reads (paletteColorLookup.ts).
 */
export async function decodeFrame(imageId: string, frame: FrameBytes, options: LoaderOptions = {}): Promise<Types.IImage> {
  const transferSyntax = frameTransferSyntax(frame.contentType);
  await preparePaletteColor(imageId);
  const image = (await createImage(imageId, frame.bytes, transferSyntax, { ...options, decodeLevel: 0 })) as Types.IImage;
  Object.assign(image, { transferSyntaxUID: transferSyntax, imageQualityStatus: Enums.ImageQualityStatus.FULL_RESOLUTION });
  return image;
}

/**
 * One frame's bytes: from the cache when present, else from the gateway, then stored (as the PACS
 * sent them, with their transfer syntax). A cache record that does not decrypt is fetched again;
 * when that fails too, the cache's error is the one reported.
 */
async function frameBytes(cache: Cache | undefined, key: FrameKey, imageId: string, options: LoaderOptions): Promise<FrameBytes> {
  let unreadable: unknown;
  if (cache) {
    try {
      const hit = await getFrame(cache, key.nodeId, key.SOPInstanceUID, key.frame);
      if (hit) return hit;
    } catch (error) {
      unreadable = error;
    }
  }
  let fetched: FrameBytes;
  try {
    fetched = await fetchFrame(imageId, options);
  } catch (error) {
    throw unreadable ?? error;
  }
  // A copy: decoding may transfer the fetched buffer to a worker.
  if (cache) void putFrame(cache, { ...key, contentType: fetched.contentType, bytes: fetched.bytes.slice() }).catch((e: unknown) => console.warn('frame not cached:', e));
  return fetched;
}

/**
 * Cornerstone3D image loader for the `wadors` scheme, cache first: bytes from the local cache or
 * the gateway (see {@link frameBytes}); a frame the decoder is known to get wrong is asked again
 * transcoded by its PACS, or refused (see decodableFrame.ts); then decoded by the
 * dicom-image-loader's workers. A frame that
 * cannot be read or decoded rejects for that image only. Image ids that are not single gateway
 * frames go to the dicom-image-loader's own WADO-RS loader.
 */
export function loadImageCacheThrough(imageId: string, options: LoaderOptions = {}): Types.IImageLoadObject {
  const key = frameKeyOf(imageId);
  if (!key) return wadors.loadImage(imageId, options) as Types.IImageLoadObject;
  const started = performance.now();
  const promise = new Promise<Types.IImage>((resolve, reject) => {
    const task = async () => {
      const cache = await getSharedCache();
      const stored = await frameBytes(cache, key, imageId, options);
      const frame = await decodableFrame(imageId, stored, { syntaxOf: frameTransferSyntax, fetchIn: (syntax) => fetchFrame(imageId, options, syntax) });
      // A transcoded frame replaces the stored one, so the cache holds what decodes right.
      if (frame !== stored && cache) void putFrame(cache, { ...key, contentType: frame.contentType, bytes: frame.bytes.slice() }).catch((e: unknown) => console.warn('frame not cached:', e));
      const image = await decodeFrame(imageId, frame, options);
      image.loadTimeInMS = performance.now() - started;
      return image;
    };
    imageRetrievalPoolManager.addRequest(() => task().then(resolve, (error: unknown) => reject(markImageLoadFailure(error))), options.requestType ?? Enums.RequestType.Interaction, { imageId }, options.priority ?? 5);
  });
  return { promise, cancelFn: undefined };
}

/**
 * Makes {@link loadImageCacheThrough} the `wadors` loader (call it after the dicom-image-loader's
 * `init`, which registers its own; calling it again is harmless); its failures are shown by the
 * viewport and not left as unhandled page rejections (see imageLoadFailures.ts). The test variant
 * exposes {@link fetchFrame}, {@link decodeFrame} and modalityValues to scripts
 * (renderer/testHooks/frameDiagnostics.ts).
 */
export function registerCacheThroughLoader(): void {
  registerImageLoader('wadors', loadImageCacheThrough as unknown as Types.ImageLoaderFn);
  installImageLoadFailureFilter();
  if (import.meta.env.GARDE_TEST_HOOKS) exposeFrameDiagnostics({ fetchFrame, decodeFrame, modalityValues });
}
