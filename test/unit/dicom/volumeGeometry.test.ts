import { describe, expect, it } from 'vitest';
import { checkVolume, type VolumeSlice } from '../../../app/dicom/volumeGeometry';

const AXIAL = [1, 0, 0, 0, 1, 0];
const SAGITTAL = [0, 1, 0, 0, 0, -1];
const limits = { max3DTextureSize: 2048, maxBytes: 2 ** 31 - 1, bytesPerVoxel: 4 };

/** `count` slices of `size`² pixels, `spacing` mm apart along the normal of `iop`, shifted by `shear` mm per slice along the column direction. */
function series(count: number, options: { iop?: number[]; spacing?: number; size?: number; shear?: number } = {}): VolumeSlice[] {
  const iop = options.iop ?? AXIAL;
  const normal = [iop[1]! * iop[5]! - iop[2]! * iop[4]!, iop[2]! * iop[3]! - iop[0]! * iop[5]!, iop[0]! * iop[4]! - iop[1]! * iop[3]!];
  const spacing = options.spacing ?? 2;
  const size = options.size ?? 64;
  return Array.from({ length: count }, (_, k) => ({
    ImagePositionPatient: [0, 1, 2].map((i) => -100 + normal[i]! * spacing * k + iop[3 + i]! * (options.shear ?? 0) * k),
    ImageOrientationPatient: iop,
    PixelSpacing: [0.5, 0.7],
    Rows: size,
    Columns: size,
  }));
}

describe('checkVolume (can a series be read as a volume?)', () => {
  it('gives the voxel grid of a sound axial series, slices ordered along the normal whatever the input order', () => {
    const slices = series(10).reverse();
    const check = checkVolume(slices, limits);
    expect(check).toMatchObject({ ok: true, dimensions: [64, 64, 10], sliceStep: 1 });
    if (!check.ok) return;
    expect(check.spacing[0]).toBeCloseTo(0.7);
    expect(check.spacing[1]).toBeCloseTo(0.5);
    expect(check.spacing[2]).toBeCloseTo(2);
    expect(check.order).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(check.reducedFor).toBeUndefined();
  });

  it('accepts a sagittal series (normal along x)', () => {
    expect(checkVolume(series(5, { iop: SAGITTAL, spacing: 3 }), limits)).toMatchObject({ ok: true, dimensions: [64, 64, 5] });
  });

  it('refuses a gantry-tilted series, with the tilt in degrees', () => {
    const shear = 2 * Math.tan((15 * Math.PI) / 180);
    const check = checkVolume(series(20, { shear }), limits);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.refusals).toHaveLength(1);
    expect(check.refusals[0]!.code).toBe('GANTRY_TILT');
    expect((check.refusals[0] as { degrees: number }).degrees).toBeCloseTo(15, 0);
  });

  it('does not take rounding of the positions for a tilt', () => {
    const slices = series(20).map((s, k) => ({ ...s, ImagePositionPatient: s.ImagePositionPatient!.map((v) => v + (k % 2 ? 0.004 : -0.004)) }));
    expect(checkVolume(slices, limits).ok).toBe(true);
  });

  it('refuses a series with a missing slice, mixed orientations, different sizes, or too few images', () => {
    const missing = series(10).filter((_, k) => k !== 4);
    expect(checkVolume(missing, limits)).toEqual({ ok: false, refusals: [{ code: 'MISSING_SLICES', missing: 1, gaps: 1 }] });
    const mixed = [...series(5), ...series(5, { iop: SAGITTAL })];
    expect(checkVolume(mixed, limits)).toMatchObject({ ok: false, refusals: expect.arrayContaining([expect.objectContaining({ code: 'MIXED_ORIENTATIONS', orientations: 2 })]) });
    const sizes = series(6).map((s, k) => (k === 3 ? { ...s, Rows: 32 } : s));
    expect(checkVolume(sizes, limits)).toEqual({ ok: false, refusals: [{ code: 'VARYING_SIZE' }] });
    expect(checkVolume(series(2), limits)).toEqual({ ok: false, refusals: [{ code: 'TOO_FEW_SLICES', slices: 2 }] });
  });

  it('refuses images without position, orientation or pixel spacing', () => {
    const slices = series(5).map((s, k) => (k === 2 ? { ...s, PixelSpacing: undefined } : s));
    expect(checkVolume(slices, limits)).toEqual({ ok: false, refusals: [{ code: 'NO_GEOMETRY', images: 1 }] });
  });

  it('decimates a volume deeper than the 3D texture limit, and says which limit', () => {
    const check = checkVolume(series(2049, { size: 4, spacing: 0.5 }), limits);
    expect(check).toMatchObject({ ok: true, sliceStep: 2, dimensions: [4, 4, 1025], reducedFor: { limit: 'MAX_3D_TEXTURE_SIZE', value: 2048 } });
    if (check.ok) expect(check.spacing[2]).toBeCloseTo(1);
  });

  it('decimates a volume larger than the byte limit', () => {
    const check = checkVolume(series(300, { size: 512 }), { max3DTextureSize: 2048, maxBytes: 150 * 2 ** 20, bytesPerVoxel: 4 });
    expect(check).toMatchObject({ ok: true, sliceStep: 2, dimensions: [512, 512, 150], reducedFor: { limit: 'MAX_BYTES' } });
  });
});
