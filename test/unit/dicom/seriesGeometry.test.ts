import { describe, expect, it } from 'vitest';
import { checkSeriesGeometry, type SliceGeometry } from '../../../app/dicom/seriesGeometry';

const AXIAL = [1, 0, 0, 0, 1, 0];
const SAGITTAL = [0, 1, 0, 0, 0, -1];

/** Axial slices at the given z positions (mm), shuffled so that order does not matter. */
function axial(zs: number[], thickness = 2): SliceGeometry[] {
  return zs.map((z) => ({ ImagePositionPatient: [-100, -100, z], ImageOrientationPatient: AXIAL, SliceThickness: thickness })).reverse();
}
const range = (n: number, step = 2, from = 0) => Array.from({ length: n }, (_, i) => from + i * step);

describe('checkSeriesGeometry', () => {
  it('finds nothing in a regular series', () => {
    expect(checkSeriesGeometry(axial(range(50)))).toEqual([]);
  });

  it('finds nothing with fewer than two usable slices', () => {
    expect(checkSeriesGeometry([])).toEqual([]);
    expect(checkSeriesGeometry(axial([0]))).toEqual([]);
    expect(checkSeriesGeometry([{ ImagePositionPatient: [0, 0, 0] }, { SliceThickness: 1 }])).toEqual([]);
  });

  it('counts missing slices from gaps over 1.5× the median spacing', () => {
    const zs = range(40).filter((z) => z !== 20 && z !== 22 && z !== 60);
    expect(checkSeriesGeometry(axial(zs))).toEqual([{ code: 'MISSING_SLICES', missing: 3, gaps: 2 }]);
  });

  it('does not take a gap of 1.4× for a missing slice, but reports the spacing as inconsistent', () => {
    const zs = [0, 2, 4, 6, 8.8, 10.8, 12.8];
    expect(checkSeriesGeometry(axial(zs))).toEqual([{ code: 'INCONSISTENT_SPACING', min: 2, max: expect.closeTo(2.8, 6) }]);
  });

  it('tolerates rounding of positions', () => {
    expect(checkSeriesGeometry(axial([0, 2.001, 3.999, 6.0004, 8]))).toEqual([]);
  });

  it('reports duplicate positions and checks spacing without them', () => {
    expect(checkSeriesGeometry(axial([0, 2, 2, 4, 6, 6, 8]))).toEqual([{ code: 'DUPLICATE_POSITIONS', duplicates: 2 }]);
  });

  it('reports mixed orientations and checks the most common one', () => {
    const slices = [...axial(range(10)), ...[0, 5].map((x) => ({ ImagePositionPatient: [x, 0, 0], ImageOrientationPatient: SAGITTAL }))];
    expect(checkSeriesGeometry(slices)).toEqual([{ code: 'MIXED_ORIENTATIONS', orientations: 2 }]);
  });

  it('measures spacing along the plane normal of oblique slices', () => {
    const c = Math.SQRT1_2;
    const oblique = [1, 0, 0, 0, c, -c];
    const normal = [0, c, c];
    const slices = [0, 3, 6, 12, 15].map((d) => ({ ImagePositionPatient: normal.map((v) => v * d + 7), ImageOrientationPatient: oblique }));
    expect(checkSeriesGeometry(slices)).toEqual([{ code: 'MISSING_SLICES', missing: 1, gaps: 1 }]);
  });

  it('uses SliceThickness as the reference spacing when there are too few slices for a median', () => {
    expect(checkSeriesGeometry(axial([0, 2, 6], 2))).toEqual([{ code: 'MISSING_SLICES', missing: 1, gaps: 1 }]);
    expect(checkSeriesGeometry(axial([0, 5], 5))).toEqual([]);
  });
});
