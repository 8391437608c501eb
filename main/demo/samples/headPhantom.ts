import { contains, roundDs, type AxialGeometry, type PhantomSphere } from './phantomGeometry';
import type { Random } from './seededRandom';

/** MR contrast weightings the head phantom knows. */
export type MrWeighting = 'T1' | 'T2';

/** Stored signal of each tissue per weighting (arbitrary units, 12 bits). */
export const HEAD_SIGNAL: Record<MrWeighting, { background: number; scalp: number; brain: number; csf: number; lesion: number }> = {
  T1: { background: 0, scalp: 1800, brain: 900, csf: 300, lesion: 1500 },
  T2: { background: 0, scalp: 1200, brain: 700, csf: 2000, lesion: 2600 },
};

/** The lesion of the head phantom: on the patient's left (+x), so a flip is detectable. */
export function headLesion(fieldOfViewMm: number, zExtentMm: number): PhantomSphere {
  const r = roundDs(Math.min(0.05 * fieldOfViewMm, 0.2 * zExtentMm));
  return { kind: 'sphere', label: 'left-lesion', center: [roundDs(0.15 * fieldOfViewMm), roundDs(-0.05 * fieldOfViewMm), 0], radiusMm: r, HU: 0 };
}

/**
 * Paints one axial slice of a head phantom (elliptic scalp, brain, two
 * ventricles, a left-sided lesion) with ±2 % noise outside the lesion.
 */
export function paintHeadSlice(
  pixels: Uint16Array,
  geometry: AxialGeometry,
  z: number,
  fieldOfViewMm: number,
  weighting: MrWeighting,
  lesion: PhantomSphere,
  random: Random,
): void {
  const { Rows, Columns, PixelSpacing } = geometry;
  const [x0, y0] = geometry.positions[0] ?? [0, 0, 0];
  const signal = HEAD_SIGNAL[weighting];
  const ax = 0.36 * fieldOfViewMm;
  const ay = 0.44 * fieldOfViewMm;
  for (let j = 0; j < Rows; j += 1) {
    const y = y0 + j * PixelSpacing[0];
    for (let i = 0; i < Columns; i += 1) {
      const x = x0 + i * PixelSpacing[1];
      const head = (x * x) / (ax * ax) + (y * y) / (ay * ay);
      let value = signal.background;
      if (head <= 1) value = head <= 0.8 ? signal.brain : signal.scalp;
      const vx = Math.abs(x) - 0.05 * fieldOfViewMm;
      if (head <= 0.8 && (vx * vx) / 36 + (y * y) / 400 <= 1) value = signal.csf;
      if (value !== signal.background) value = Math.round(value * (1 + (random() * 2 - 1) * 0.02));
      if (contains(lesion, x, y, z)) value = signal.lesion;
      pixels[j * Columns + i] = value;
    }
  }
}
