/**
 * A window (VOI LUT, PS3.3 C.11.2.1.2): `center` and `width` in modality units (HU for CT).
 * `name` identifies the preset for the interface's labels: a CT preset name, `image` for a window
 * the image proposes (WindowCenter/WindowWidth, its `index`-th pair), or `range` for min–max.
 */
export interface WindowPreset {
  name: string;
  center: number;
  width: number;
  index?: number;
}

/** CT windows read in most departments, in the order of keys 1–8. */
export const CT_WINDOW_PRESETS: readonly WindowPreset[] = [
  { name: 'brain', width: 80, center: 40 },
  { name: 'subdural', width: 200, center: 80 },
  { name: 'stroke', width: 40, center: 40 },
  { name: 'lung', width: 1500, center: -600 },
  { name: 'mediastinum', width: 350, center: 50 },
  { name: 'abdomen', width: 400, center: 50 },
  { name: 'liver', width: 150, center: 30 },
  { name: 'bone', width: 2000, center: 500 },
];

/** What the presets of an image are computed from. */
export interface WindowSource {
  Modality?: string;
  /** WindowCenter (0028,1050) and WindowWidth (0028,1051) values, paired by position (PS3.3 C.11.2.1.2). */
  WindowCenter?: readonly number[];
  WindowWidth?: readonly number[];
  /** Smallest and largest modality value of the image, when known. */
  min?: number;
  max?: number;
}

/**
 * The window presets of an image, in key order (key 1 is the first): the fixed CT list for CT;
 * for other modalities (MR, MG, ...) the windows the image proposes, then its full value range.
 * At most 9.
 */
export function windowPresets(source: WindowSource): WindowPreset[] {
  if (source.Modality === 'CT') return [...CT_WINDOW_PRESETS];
  const out: WindowPreset[] = [];
  const centers = source.WindowCenter ?? [];
  const widths = source.WindowWidth ?? [];
  for (let k = 0; k < Math.min(centers.length, widths.length); k += 1) {
    const center = centers[k]!;
    const width = widths[k]!;
    if (Number.isFinite(center) && Number.isFinite(width) && width >= 1) out.push({ name: 'image', center, width, index: k + 1 });
  }
  const { min, max } = source;
  if (min !== undefined && max !== undefined && Number.isFinite(min) && Number.isFinite(max) && max > min) {
    out.push({ name: 'range', center: (min + max) / 2, width: max - min });
  }
  return out.slice(0, 9);
}
