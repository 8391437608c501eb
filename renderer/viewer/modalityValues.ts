import { imageLoader, type Types } from '@cornerstonejs/core';

/** A frame's values as the viewport gets them: modality values (PS3.3 C.11.1.1.2) or RGB samples. */
export interface ModalityValues {
  Rows: number;
  Columns: number;
  SamplesPerPixel: number;
  /** Row by row; colour frames interleaved R, G, B. */
  values: number[];
}

/**
 * Loads a frame through the registered image loaders (the cached image when the viewport already
 * has it) and returns its values, RescaleSlope and RescaleIntercept applied when the loader did not
 * pre-scale them. For scripts and tests that compare what is shown with a reference decoder.
 */
export async function modalityValues(imageId: string): Promise<ModalityValues> {
  const image = (await imageLoader.loadAndCacheImage(imageId)) as Types.IImage;
  const stored = image.getPixelData();
  const pixels = image.rows * image.columns;
  const channels = image.color ? stored.length / pixels : 1;
  const SamplesPerPixel = image.color ? 3 : 1;
  const scaled = image.color || image.preScale?.scaled === true;
  const values = new Array<number>(pixels * SamplesPerPixel);
  for (let p = 0; p < pixels; p++) {
    for (let c = 0; c < SamplesPerPixel; c++) {
      const v = Number(stored[p * channels + c]);
      values[p * SamplesPerPixel + c] = scaled ? v : v * image.slope + image.intercept;
    }
  }
  return { Rows: image.rows, Columns: image.columns, SamplesPerPixel, values };
}
