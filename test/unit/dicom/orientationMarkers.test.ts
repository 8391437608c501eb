import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  axesFromImageOrientation,
  axesFromPatientOrientation,
  directionLabel,
  edgeMarkers,
  imageAxesLabels,
  oppositeLabel,
  screenAxesAfter,
} from '../../../app/dicom/orientationMarkers';

const AXIAL = [1, 0, 0, 0, 1, 0];
const CORONAL = [1, 0, 0, 0, 0, -1];
const SAGITTAL = [0, 1, 0, 0, 0, -1];

describe('directionLabel', () => {
  it.each([
    [[1, 0, 0], 'L'],
    [[-1, 0, 0], 'R'],
    [[0, 1, 0], 'P'],
    [[0, -1, 0], 'A'],
    [[0, 0, 1], 'H'],
    [[0, 0, -1], 'F'],
    [[0.8, -0.6, 0], 'LA'],
    [[0.1, 0, -0.995], 'F'],
    [[0.5, 0.5, 0.7071], 'HLP'],
    [[0, 0, 0], ''],
  ] as const)('%j → %s', (vector, label) => {
    expect(directionLabel(vector)).toBe(label);
  });
});

describe('edgeMarkers', () => {
  it('axial seen from the feet: A top, L on the viewer’s right, P bottom, R left', () => {
    expect(edgeMarkers(axesFromImageOrientation(AXIAL)!)).toEqual({ top: 'A', right: 'L', bottom: 'P', left: 'R' });
  });
  it('coronal: H top, L right; sagittal: H top, P right', () => {
    expect(edgeMarkers(axesFromImageOrientation(CORONAL)!)).toEqual({ top: 'H', right: 'L', bottom: 'F', left: 'R' });
    expect(edgeMarkers(axesFromImageOrientation(SAGITTAL)!)).toEqual({ top: 'H', right: 'P', bottom: 'F', left: 'A' });
  });
  it('follows a horizontal flip (L and R swap) and a vertical flip (A and P swap)', () => {
    const axes = axesFromImageOrientation(AXIAL)!;
    expect(edgeMarkers(axes, screenAxesAfter(['flipH']))).toEqual({ top: 'A', right: 'R', bottom: 'P', left: 'L' });
    expect(edgeMarkers(axes, screenAxesAfter(['flipV']))).toEqual({ top: 'P', right: 'L', bottom: 'A', left: 'R' });
  });
  it('follows a clockwise rotation: what was on the left is on top', () => {
    const axes = axesFromImageOrientation(AXIAL)!;
    expect(edgeMarkers(axes, screenAxesAfter(['rotate']))).toEqual({ top: 'R', right: 'A', bottom: 'L', left: 'P' });
    expect(edgeMarkers(axes, screenAxesAfter(['rotate', 'rotate']))).toEqual({ top: 'P', right: 'R', bottom: 'A', left: 'L' });
  });
  it('rotating four times, or flipping twice, is the identity', () => {
    const ops = fc.constantFrom('rotate' as const, 'flipH' as const, 'flipV' as const);
    fc.assert(
      fc.property(fc.array(ops, { maxLength: 8 }), (sequence) => {
        const base = screenAxesAfter(sequence);
        expect(screenAxesAfter([...sequence, 'rotate', 'rotate', 'rotate', 'rotate'])).toEqual(base);
        expect(screenAxesAfter([...sequence, 'flipH', 'flipH'])).toEqual(base);
      }),
    );
  });
  it('opposite edges always carry opposite letters', () => {
    const axes = axesFromImageOrientation([0.8, -0.6, 0, 0, 0, -1])!;
    const m = edgeMarkers(axes, screenAxesAfter(['rotate', 'flipH']));
    expect(oppositeLabel(m.top)).toBe(m.bottom);
    expect(oppositeLabel(m.left)).toBe(m.right);
  });
});

describe('imageAxesLabels', () => {
  it('reads ImageOrientationPatient at the top level', () => {
    expect(imageAxesLabels({ '00200037': { vr: 'DS', Value: AXIAL } })).toEqual({ row: 'L', column: 'P' });
  });
  it('reads the Plane Orientation Sequence of enhanced multi-frame images (per-frame before shared)', () => {
    const plane = (iop: number[]) => ({ '00209116': { vr: 'SQ', Value: [{ '00200037': { vr: 'DS', Value: iop } }] } });
    const shared = { '52009229': { vr: 'SQ', Value: [plane(SAGITTAL)] } };
    expect(imageAxesLabels(shared, 1)).toEqual({ row: 'P', column: 'F' });
    const perFrame = { ...shared, '52009230': { vr: 'SQ', Value: [plane(AXIAL), plane(CORONAL)] } };
    expect(imageAxesLabels(perFrame, 2)).toEqual({ row: 'L', column: 'F' });
  });
  it('falls back to PatientOrientation for projection images (mammography CC: A\\R)', () => {
    const axes = imageAxesLabels({ '00200020': { vr: 'CS', Value: ['A', 'R'] } })!;
    expect(edgeMarkers(axes)).toEqual({ top: 'L', right: 'A', bottom: 'R', left: 'P' });
    expect(axesFromPatientOrientation(['P', 'FL'])).toEqual({ row: 'P', column: 'FL' });
  });
  it('says nothing without orientation', () => {
    expect(imageAxesLabels({})).toBeUndefined();
    expect(axesFromPatientOrientation(['X', 'F'])).toBeUndefined();
  });
});
