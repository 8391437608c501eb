/** How a decoded frame compares with the reference. */
export interface FrameComparison {
  pixels: number;
  mismatches: number;
  maxAbsDiff: number;
  /** First differing value index, -1 when none. */
  firstMismatch: number;
  /** Peak signal-to-noise ratio against the reference's range (Infinity when identical). */
  psnr: number;
}

/**
 * Compares every value. Lossless: any difference above float32 rounding of the modality value is a
 * mismatch. The PSNR lets lossy files be judged against the codec's tolerance.
 */
export function comparePixels(reference: Float64Array, decoded: Float32Array): FrameComparison {
  if (reference.length !== decoded.length) {
    return { pixels: reference.length, mismatches: reference.length, maxAbsDiff: Infinity, firstMismatch: 0, psnr: 0 };
  }
  let mismatches = 0;
  let maxAbsDiff = 0;
  let firstMismatch = -1;
  let squared = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i]!;
    const d = Math.abs(r - decoded[i]!);
    if (r < min) min = r;
    if (r > max) max = r;
    squared += d * d;
    if (d > maxAbsDiff) maxAbsDiff = d;
    if (d > Math.max(1e-3, Math.abs(r) * 1e-6)) {
      mismatches++;
      if (firstMismatch < 0) firstMismatch = i;
    }
  }
  const mse = squared / reference.length;
  const range = Math.max(1, max - min);
  return { pixels: reference.length, mismatches, maxAbsDiff, firstMismatch, psnr: mse === 0 ? Infinity : 10 * Math.log10((range * range) / mse) };
}
