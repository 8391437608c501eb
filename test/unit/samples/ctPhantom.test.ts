import { describe, expect, it } from 'vitest';
import { parsePart10 } from '../../../app/dicom/parsePart10';
import { generateCtPhantom, patientToPixel } from '../../../main/demo/samples';
import { PATIENT, STUDY, UID_PATTERN } from './sampleFixtures';

const small = () => generateCtPhantom({ seed: 'unit', patient: PATIENT, study: STUDY, Rows: 64, Columns: 64, slices: 12, SliceThickness: 5 });

describe('generateCtPhantom', () => {
  it('is deterministic: same seed, same bytes; another seed, other UIDs', () => {
    const a = small();
    const b = small();
    expect(a.instances.map((i) => new Uint8Array(i.buffer))).toEqual(b.instances.map((i) => new Uint8Array(i.buffer)));
    const c = generateCtPhantom({ seed: 'other', patient: PATIENT, study: STUDY, Rows: 64, Columns: 64, slices: 12, SliceThickness: 5 });
    expect(c.SeriesInstanceUID).not.toBe(a.SeriesInstanceUID);
    expect(c.instances[0]?.SOPInstanceUID).not.toBe(a.instances[0]?.SOPInstanceUID);
  });

  it('gives valid, unique UIDs', () => {
    const series = small();
    const uids = [series.SeriesInstanceUID, series.FrameOfReferenceUID, ...series.instances.map((i) => i.SOPInstanceUID)];
    for (const uid of uids) {
      expect(uid).toMatch(UID_PATTERN);
      expect(uid.length).toBeLessThanOrEqual(64);
    }
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('writes the CT image plane and rescale attributes it describes', () => {
    const series = small();
    const { dataset, TransferSyntaxUID } = parsePart10(series.instances[3]!.buffer);
    expect(TransferSyntaxUID).toBe('1.2.840.10008.1.2.1');
    expect(dataset).toMatchObject({
      SOPClassUID: '1.2.840.10008.5.1.4.1.1.2',
      Modality: 'CT',
      Rows: 64,
      Columns: 64,
      BitsAllocated: 16,
      PixelRepresentation: 1,
      RescaleSlope: 1,
      RescaleIntercept: -1024,
      ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
      FrameOfReferenceUID: series.FrameOfReferenceUID,
      InstanceNumber: 4,
      ReasonForTheRequestedProcedure: 'Douleur thoracique',
      RequestedProcedurePriority: 'STAT',
    });
    expect(dataset.ImagePositionPatient).toEqual(series.geometry.positions[3]);
    expect(dataset.PixelSpacing).toEqual(series.geometry.PixelSpacing);
  });

  it('spaces slices by SliceThickness from superior to inferior, centred on z = 0', () => {
    const { positions } = small().geometry;
    for (let k = 1; k < positions.length; k += 1) expect(positions[k - 1]![2] - positions[k]![2]).toBeCloseTo(5);
    expect(positions[0]![2] + positions[positions.length - 1]![2]).toBeCloseTo(0);
  });

  it('describes objects that lie inside the volume, with the marker on the patient left only', () => {
    const series = small();
    const [x0, y0] = series.geometry.positions[0]!;
    for (const object of series.objects) {
      if (object.kind !== 'sphere') continue;
      const pixel = patientToPixel(object.center, [x0, y0, 0], series.geometry.ImageOrientationPatient, series.geometry.PixelSpacing);
      expect(pixel.column).toBeGreaterThan(0);
      expect(pixel.column).toBeLessThan(64);
      expect(pixel.row).toBeGreaterThan(0);
      expect(pixel.row).toBeLessThan(64);
    }
    const marker = series.objects.find((o) => o.label === 'left-marker');
    expect(marker?.kind === 'box' && marker.min[0] > 0).toBe(true);
    expect(series.objects.map((o) => o.HU)).toEqual(expect.arrayContaining([0, 1000, -100, -1000]));
  });

  it('makes a 512×512×300 series by default', () => {
    const series = generateCtPhantom({ seed: 'full', patient: PATIENT, study: STUDY });
    expect(series.instances).toHaveLength(300);
    const { dataset } = parsePart10(series.instances[150]!.buffer);
    expect([dataset.Rows, dataset.Columns]).toEqual([512, 512]);
    expect((dataset.PixelData as ArrayBuffer[])[0]!.byteLength).toBe(512 * 512 * 2);
  }, 60_000);
});
