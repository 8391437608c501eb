import { checkSeriesGeometry, type GeometryFinding } from './seriesGeometry';

/** The Image Plane and Image Pixel attributes of one image (a slice or a frame) that make a volume (PS3.3 C.7.6.2, C.7.6.3). */
export interface VolumeSlice {
  ImagePositionPatient?: readonly number[];
  ImageOrientationPatient?: readonly number[];
  /** PixelSpacing (0028,0030): row spacing then column spacing, in mm. */
  PixelSpacing?: readonly number[];
  Rows?: number;
  Columns?: number;
}

/** What the graphics device and the page can hold (WebGL2 `MAX_3D_TEXTURE_SIZE`, the largest ArrayBuffer). */
export interface VolumeLimits {
  max3DTextureSize: number;
  maxBytes: number;
  /** Bytes per voxel of the volume's texture (2 for 16-bit, 4 for float). */
  bytesPerVoxel: number;
}

/** Why a series cannot be read as a volume (MPR, 3D). */
export type VolumeRefusal =
  | { code: 'TOO_FEW_SLICES'; slices: number }
  | { code: 'NO_GEOMETRY'; images: number }
  | { code: 'VARYING_SIZE' }
  /** Slices not stacked along their normal (CT gantry tilt): reformats would be sheared. */
  | { code: 'GANTRY_TILT'; degrees: number }
  | GeometryFinding;

/** A series that can be a volume: its voxel grid, and the slices in the volume's order. */
export interface VolumeGrid {
  ok: true;
  /** Image indexes (into the input) from the first slice to the last, along the slice normal. */
  order: number[];
  /** Columns, rows and slices of the volume (after `sliceStep`). */
  dimensions: [number, number, number];
  /** Column, row and slice spacing in mm. */
  spacing: [number, number, number];
  /** 1, or the step that keeps the volume within the limits (one slice in `sliceStep`); see `reducedFor`. */
  sliceStep: number;
  /** Which limit made the volume decimated, and its value. */
  reducedFor?: { limit: 'MAX_3D_TEXTURE_SIZE' | 'MAX_BYTES'; value: number };
}

/** The outcome of {@link checkVolume}. */
export type VolumeCheck = VolumeGrid | { ok: false; refusals: VolumeRefusal[] };

/** A tilt below this many degrees is rounding in the positions, not a gantry tilt. */
const TILT_TOLERANCE_DEG = 0.5;

const dot = (a: readonly number[], b: readonly number[]) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
const normalOf = (iop: readonly number[]): [number, number, number] => [iop[1]! * iop[5]! - iop[2]! * iop[4]!, iop[2]! * iop[3]! - iop[0]! * iop[5]!, iop[0]! * iop[4]! - iop[1]! * iop[3]!];

/**
 * Whether the images of a series make a sound volume: at least three, each with position,
 * orientation and pixel spacing, of one size and one orientation, stacked along their normal (no
 * gantry tilt), evenly spaced with no missing or duplicate slice. A sound volume deeper than the 3D
 * texture limit or larger than the byte limit is decimated (one slice in `sliceStep`) and says why.
 */
export function checkVolume(images: readonly VolumeSlice[], limits: VolumeLimits): VolumeCheck {
  if (images.length < 3) return { ok: false, refusals: [{ code: 'TOO_FEW_SLICES', slices: images.length }] };
  const unusable = images.filter((s) => s.ImagePositionPatient?.length !== 3 || s.ImageOrientationPatient?.length !== 6 || s.PixelSpacing?.length !== 2 || !s.Rows || !s.Columns).length;
  if (unusable > 0) return { ok: false, refusals: [{ code: 'NO_GEOMETRY', images: unusable }] };
  const refusals: VolumeRefusal[] = [...checkSeriesGeometry(images)];
  const first = images[0]!;
  if (images.some((s) => s.Rows !== first.Rows || s.Columns !== first.Columns)) refusals.push({ code: 'VARYING_SIZE' });

  const normal = normalOf(first.ImageOrientationPatient!);
  const along = images.map((s) => dot(s.ImagePositionPatient!, normal));
  const order = along.map((_, i) => i).sort((a, b) => along[a]! - along[b]!);
  const a = images[order[0]!]!.ImagePositionPatient!;
  const b = images[order[order.length - 1]!]!.ImagePositionPatient!;
  const stack = [b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!];
  const length = Math.hypot(...stack);
  if (length > 0) {
    const degrees = (Math.acos(Math.min(1, Math.abs(dot(stack, normal)) / length)) * 180) / Math.PI;
    if (degrees > TILT_TOLERANCE_DEG) refusals.push({ code: 'GANTRY_TILT', degrees: Math.round(degrees * 10) / 10 });
  }
  if (refusals.length > 0) return { ok: false, refusals };

  const columns = first.Columns!;
  const rows = first.Rows!;
  const sliceSpacing = (along[order[order.length - 1]!]! - along[order[0]!]!) / (images.length - 1);
  const byDepth = Math.ceil(images.length / limits.max3DTextureSize);
  const byBytes = Math.ceil((columns * rows * images.length * limits.bytesPerVoxel) / limits.maxBytes);
  const sliceStep = Math.max(1, byDepth, byBytes);
  const kept = order.filter((_, i) => i % sliceStep === 0);
  return {
    ok: true,
    order: kept,
    dimensions: [columns, rows, kept.length],
    spacing: [first.PixelSpacing![1]!, first.PixelSpacing![0]!, sliceSpacing * sliceStep],
    sliceStep,
    ...(sliceStep > 1 ? { reducedFor: byDepth >= byBytes ? { limit: 'MAX_3D_TEXTURE_SIZE' as const, value: limits.max3DTextureSize } : { limit: 'MAX_BYTES' as const, value: limits.maxBytes } } : {}),
  };
}
