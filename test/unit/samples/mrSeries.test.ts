import { describe, expect, it } from 'vitest';
import { parsePart10 } from '../../../app/dicom/parsePart10';
import { generateEnhancedMr, generateMrSeries, HEAD_SIGNAL } from '../../../main/demo/samples';
import { PATIENT, STUDY } from './sampleFixtures';

describe('MR generators', () => {
  it('makes T1 and T2 axial series sharing a frame of reference, with their timing', () => {
    const t1 = generateMrSeries({ seed: 'mr', patient: PATIENT, study: STUDY, weighting: 'T1', Rows: 32, Columns: 32, slices: 4 });
    const t2 = generateMrSeries({ seed: 'mr', patient: PATIENT, study: STUDY, weighting: 'T2', Rows: 32, Columns: 32, slices: 4 });
    expect(t1.SeriesInstanceUID).not.toBe(t2.SeriesInstanceUID);
    expect(t1.FrameOfReferenceUID).toBe(t2.FrameOfReferenceUID);
    const a = parsePart10(t1.instances[0]!.buffer).dataset;
    const b = parsePart10(t2.instances[0]!.buffer).dataset;
    expect(a).toMatchObject({ SOPClassUID: '1.2.840.10008.5.1.4.1.1.4', Modality: 'MR', RepetitionTime: 500, EchoTime: 12 });
    expect(b).toMatchObject({ RepetitionTime: 4000, EchoTime: 100 });
  });

  it('paints the lesion on the patient left with the weighting signal', () => {
    const series = generateMrSeries({ seed: 'mr', patient: PATIENT, study: STUDY, weighting: 'T2', Rows: 64, Columns: 64, slices: 5 });
    expect(series.lesion.center[0]).toBeGreaterThan(0);
    const middle = parsePart10(series.instances[2]!.buffer).dataset;
    const pixels = new Uint16Array((middle.PixelData as ArrayBuffer[])[0]!);
    const [x0, y0] = series.geometry.positions[2]!;
    const [rowSpacing, columnSpacing] = series.geometry.PixelSpacing;
    const column = Math.round((series.lesion.center[0] - x0) / columnSpacing);
    const row = Math.round((series.lesion.center[1] - y0) / rowSpacing);
    expect(pixels[row * 64 + column]).toBe(HEAD_SIGNAL.T2.lesion);
    expect(pixels[row * 64 + (63 - column)]).not.toBe(HEAD_SIGNAL.T2.lesion);
  });

  it('makes one Enhanced MR instance with per-frame positions and shared groups', () => {
    const enhanced = generateEnhancedMr({ seed: 'emr', patient: PATIENT, study: STUDY, Rows: 16, Columns: 24, frames: 6 });
    const { dataset } = parsePart10(enhanced.instance.buffer);
    expect(dataset).toMatchObject({ SOPClassUID: '1.2.840.10008.5.1.4.1.1.4.1', NumberOfFrames: 6, Rows: 16, Columns: 24 });
    const perFrame = dataset.PerFrameFunctionalGroupsSequence as Array<Record<string, Array<Record<string, unknown>>>>;
    expect(perFrame).toHaveLength(6);
    expect(perFrame.map((f) => f.PlanePositionSequence?.[0]?.ImagePositionPatient)).toEqual(enhanced.geometry.positions);
    expect(perFrame.map((f) => f.FrameContentSequence?.[0]?.InStackPositionNumber)).toEqual([1, 2, 3, 4, 5, 6]);
    const shared = (dataset.SharedFunctionalGroupsSequence as Array<Record<string, Array<Record<string, unknown>>>>)[0]!;
    expect(shared.PlaneOrientationSequence?.[0]?.ImageOrientationPatient).toEqual([1, 0, 0, 0, 1, 0]);
    expect(shared.PixelMeasuresSequence?.[0]?.PixelSpacing).toEqual(enhanced.geometry.PixelSpacing);
    expect((dataset.PixelData as ArrayBuffer[])[0]!.byteLength).toBe(16 * 24 * 2 * 6);
  });
});
