// The page of the pixel check: the viewer's own loading path (gateway WADO-RS metadata registered
// with the image loader, frames decoded by @cornerstonejs/dicom-image-loader in its workers), with
// the values Cornerstone hands to a viewport read back for comparison with a reference decoder.
import { cache, imageLoader, type Types } from '@cornerstonejs/core';
import { initCornerstone } from '../../../renderer/viewer/initCornerstone';
import { fetchSeriesList, loadSeriesImages } from '../../../renderer/viewer/loadStudyMetadata';

/** One frame as Cornerstone decoded it, modality LUT applied (float32 little-endian, base64). */
export interface DecodedFrame {
  rows: number;
  columns: number;
  samplesPerPixel: number;
  values: string;
}

function toBase64(values: Float32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

const api = {
  init: () => initCornerstone(),
  /** Every frame of a study on a node: its image id, SOP Instance UID and frame number. */
  async listFrames(nodeId: string, StudyInstanceUID: string) {
    const location = { gatewayBaseUrl: '/gateway', nodeId, StudyInstanceUID };
    const out: { imageId: string; SOPInstanceUID: string; frame: number }[] = [];
    for (const series of await fetchSeriesList(location)) {
      for (const image of await loadSeriesImages(location, series.SeriesInstanceUID)) {
        const frame = Number(/\/frames\/(\d+)$/.exec(image.imageId)?.[1] ?? 1);
        const SOPInstanceUID = /\/instances\/([0-9.]+)\//.exec(image.imageId)?.[1] ?? '';
        out.push({ imageId: image.imageId, SOPInstanceUID, frame });
      }
    }
    return out;
  },
  /** Decodes one frame and returns the modality values the viewport would get. */
  async decode(imageId: string): Promise<DecodedFrame> {
    const image = (await imageLoader.loadAndCacheImage(imageId)) as Types.IImage;
    const stored = image.getPixelData();
    const scaled = image.preScale?.scaled === true;
    const pixels = image.rows * image.columns;
    const channels = image.color ? stored.length / pixels : 1;
    const samplesPerPixel = image.color ? 3 : 1;
    const values = new Float32Array(pixels * samplesPerPixel);
    for (let p = 0; p < pixels; p++) {
      for (let c = 0; c < samplesPerPixel; c++) {
        const v = Number(stored[p * channels + c]);
        values[p * samplesPerPixel + c] = image.color || scaled ? v : v * image.slope + image.intercept;
      }
    }
    cache.removeImageLoadObject(imageId, { force: true });
    return { rows: image.rows, columns: image.columns, samplesPerPixel, values: toBase64(values) };
  },
};

(window as unknown as { pixelCheck: typeof api }).pixelCheck = api;
document.title = 'pixel-check-ready';
