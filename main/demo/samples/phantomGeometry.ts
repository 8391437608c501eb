/** A sphere of uniform Hounsfield units, centre in patient coordinates (LPS, mm). */
export interface PhantomSphere {
  kind: 'sphere';
  label: string;
  center: [number, number, number];
  radiusMm: number;
  HU: number;
}

/** An axis-aligned box of uniform HU, corners in patient coordinates (LPS, mm). */
export interface PhantomBox {
  kind: 'box';
  label: string;
  min: [number, number, number];
  max: [number, number, number];
  HU: number;
}

/** A phantom object of known HU at known patient coordinates. */
export type PhantomObject = PhantomSphere | PhantomBox;

/** Geometry of an axial series (PS3.3 C.7.6.2 Image Plane Module). */
export interface AxialGeometry {
  Rows: number;
  Columns: number;
  /** PixelSpacing (0028,0030): [row spacing (between rows, along y), column spacing (along x)] in mm. */
  PixelSpacing: [number, number];
  ImageOrientationPatient: [number, number, number, number, number, number];
  /** ImagePositionPatient (0020,0032) of each slice, in instance order. */
  positions: Array<[number, number, number]>;
  SliceThickness: number;
}

/** Rounds to 4 decimals so that values survive DS encoding (PS3.5 6.2, 16 characters). */
export function roundDs(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/**
 * Builds an axial geometry centred on the patient origin: IOP (1,0,0,0,1,0),
 * square pixels of fieldOfViewMm / max(Rows, Columns), slices from superior
 * (InstanceNumber 1, highest z) to inferior, spaced by SliceThickness.
 */
export function axialGeometry(Rows: number, Columns: number, slices: number, fieldOfViewMm: number, SliceThickness: number): AxialGeometry {
  const spacing = roundDs(fieldOfViewMm / Math.max(Rows, Columns));
  const x0 = roundDs((-(Columns - 1) * spacing) / 2);
  const y0 = roundDs((-(Rows - 1) * spacing) / 2);
  const positions: Array<[number, number, number]> = [];
  for (let k = 0; k < slices; k += 1) positions.push([x0, y0, roundDs(((slices - 1) / 2 - k) * SliceThickness)]);
  return { Rows, Columns, PixelSpacing: [spacing, spacing], ImageOrientationPatient: [1, 0, 0, 0, 1, 0], positions, SliceThickness };
}

/**
 * Patient coordinate (LPS, mm) to fractional pixel indices [column, row] on a
 * slice: PS3.3 C.7.6.2.1.1 equation solved for i, j (row direction = first
 * IOP triplet, column direction = second).
 */
export function patientToPixel(
  point: [number, number, number],
  ImagePositionPatient: [number, number, number],
  ImageOrientationPatient: number[],
  PixelSpacing: [number, number],
): { column: number; row: number } {
  const d = [point[0] - ImagePositionPatient[0], point[1] - ImagePositionPatient[1], point[2] - ImagePositionPatient[2]];
  const rowDir = ImageOrientationPatient.slice(0, 3);
  const colDir = ImageOrientationPatient.slice(3, 6);
  const along = (v: number[]) => (d[0] ?? 0) * (v[0] ?? 0) + (d[1] ?? 0) * (v[1] ?? 0) + (d[2] ?? 0) * (v[2] ?? 0);
  return { column: along(rowDir) / PixelSpacing[1], row: along(colDir) / PixelSpacing[0] };
}

/** True when the patient point lies inside the object. */
export function contains(object: PhantomObject, x: number, y: number, z: number): boolean {
  if (object.kind === 'box') {
    return x >= object.min[0] && x <= object.max[0] && y >= object.min[1] && y <= object.max[1] && z >= object.min[2] && z <= object.max[2];
  }
  const dx = x - object.center[0];
  const dy = y - object.center[1];
  const dz = z - object.center[2];
  return dx * dx + dy * dy + dz * dz <= object.radiusMm * object.radiusMm;
}
