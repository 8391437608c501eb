/** The Image Plane Module attributes of one instance that the geometry check reads (PS3.3 C.7.6.2). */
export interface SliceGeometry {
  /** ImagePositionPatient (0020,0032): x, y, z of the first pixel, in mm (LPS). */
  ImagePositionPatient?: readonly number[];
  /** ImageOrientationPatient (0020,0037): row then column direction cosines. */
  ImageOrientationPatient?: readonly number[];
  /** SliceThickness (0018,0050), in mm. */
  SliceThickness?: number;
}

/** One problem of a series' geometry that a reader should know before reading it as a volume. */
export type GeometryFinding =
  /** Gaps larger than 1.5× the usual spacing: about `missing` slices are absent, in `gaps` places. */
  | { code: 'MISSING_SLICES'; missing: number; gaps: number }
  /** Spacings that differ from the usual one by more than 10 % (and 0.1 mm), gaps excepted. */
  | { code: 'INCONSISTENT_SPACING'; min: number; max: number }
  /** More than one image orientation in the series. */
  | { code: 'MIXED_ORIENTATIONS'; orientations: number }
  /** Slices at the same position along the plane normal. */
  | { code: 'DUPLICATE_POSITIONS'; duplicates: number };

const SAME_POSITION_MM = 0.01;
const GAP_FACTOR = 1.5;

function orientationKey(iop: readonly number[]): string {
  return iop.map((v) => v.toFixed(3)).join('\\');
}

function normalOf(iop: readonly number[]): [number, number, number] {
  const [r0, r1, r2, c0, c1, c2] = iop as [number, number, number, number, number, number];
  return [r1 * c2 - r2 * c1, r2 * c0 - r0 * c2, r0 * c1 - r1 * c0];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Checks the geometry of a series of single-frame slices: mixed orientations, duplicate positions,
 * missing slices (a gap over 1.5× the median spacing along the plane normal) and inconsistent
 * spacing. Spacing is checked within the most common orientation only. The reference spacing is
 * the median of the spacings when there are at least three, else SliceThickness when present.
 * Instances without a usable Image Plane Module are ignored; fewer than two leave nothing to check.
 */
export function checkSeriesGeometry(slices: readonly SliceGeometry[]): GeometryFinding[] {
  const usable = slices.filter((s) => s.ImagePositionPatient?.length === 3 && s.ImageOrientationPatient?.length === 6);
  if (usable.length < 2) return [];
  const findings: GeometryFinding[] = [];

  const groups = new Map<string, SliceGeometry[]>();
  for (const s of usable) {
    const key = orientationKey(s.ImageOrientationPatient!);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  if (groups.size > 1) findings.push({ code: 'MIXED_ORIENTATIONS', orientations: groups.size });
  const main = [...groups.values()].sort((a, b) => b.length - a.length)[0]!;

  const normal = normalOf(main[0]!.ImageOrientationPatient!);
  const positions = main.map((s) => s.ImagePositionPatient!.reduce((sum, v, i) => sum + v * normal[i]!, 0)).sort((a, b) => a - b);
  const steps = positions.slice(1).map((p, i) => p - positions[i]!);
  const duplicates = steps.filter((d) => d < SAME_POSITION_MM).length;
  if (duplicates > 0) findings.push({ code: 'DUPLICATE_POSITIONS', duplicates });

  const spacings = steps.filter((d) => d >= SAME_POSITION_MM);
  if (spacings.length === 0) return findings;
  const thickness = main.find((s) => (s.SliceThickness ?? 0) > 0)?.SliceThickness;
  const reference = spacings.length >= 3 || thickness === undefined ? median(spacings) : thickness;

  const gaps = spacings.filter((d) => d > GAP_FACTOR * reference);
  if (gaps.length > 0) {
    const missing = gaps.reduce((sum, d) => sum + Math.max(1, Math.round(d / reference) - 1), 0);
    findings.push({ code: 'MISSING_SLICES', missing, gaps: gaps.length });
  }
  const regular = spacings.filter((d) => d <= GAP_FACTOR * reference);
  const tolerance = Math.max(0.1, 0.1 * reference);
  if (regular.some((d) => Math.abs(d - reference) > tolerance)) {
    findings.push({ code: 'INCONSISTENT_SPACING', min: Math.min(...regular), max: Math.max(...regular) });
  }
  return findings;
}
