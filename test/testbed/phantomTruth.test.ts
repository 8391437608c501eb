import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCtPhantom, generateMammographyStudy, LESION_VALUE, MARKER_VALUE, type CtPhantomSeries, type MammographyStudy } from '../../main/demo/samples';
import { fetchFrames, startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { testStudy } from './generatedSamples';

type DicomJson = Record<string, { vr: string; Value?: unknown[] }>;

const num = (ds: DicomJson, tag: string, i = 0): number => Number(ds[tag]?.Value?.[i]);
const nums = (ds: DicomJson, tag: string): number[] => (ds[tag]?.Value ?? []).map(Number);

/** Series metadata (WADO-RS, PS3.18 10.4.1.1.2) from the server. */
async function seriesMetadata(orthanc: OrthancInstance, study: string, series: string): Promise<DicomJson[]> {
  const response = await fetch(`${orthanc.dicomWebUrl}/studies/${study}/series/${series}/metadata`, {
    headers: { authorization: orthanc.authorization, accept: 'application/dicom+json' },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as DicomJson[];
}

/** Stored pixel at (column, row) of frame 1 of an instance, read from the server. */
async function storedPixel(orthanc: OrthancInstance, ds: DicomJson, column: number, row: number): Promise<number> {
  const uids = { StudyInstanceUID: String(ds['0020000D']?.Value?.[0]), SeriesInstanceUID: String(ds['0020000E']?.Value?.[0]), SOPInstanceUID: String(ds['00080018']?.Value?.[0]) };
  const [frame] = await fetchFrames(orthanc, uids, [1]);
  const view = new DataView(frame!.bytes.buffer, frame!.bytes.byteOffset, frame!.bytes.byteLength);
  const offset = (row * num(ds, '00280011') + column) * 2;
  return num(ds, '00280103') === 1 ? view.getInt16(offset, true) : view.getUint16(offset, true);
}

/**
 * HU at a patient point (LPS mm), computed only from what the server returns:
 * nearest slice by ImagePositionPatient along the normal, pixel indices from
 * IPP / IOP / PixelSpacing (PS3.3 C.7.6.2.1.1), HU = stored * slope + intercept.
 */
async function huAt(orthanc: OrthancInstance, slices: DicomJson[], point: number[]): Promise<number> {
  const iop = nums(slices[0]!, '00200037');
  const row = iop.slice(0, 3);
  const col = iop.slice(3, 6);
  const normal = [row[1]! * col[2]! - row[2]! * col[1]!, row[2]! * col[0]! - row[0]! * col[2]!, row[0]! * col[1]! - row[1]! * col[0]!];
  const dot = (a: number[], b: number[]) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
  const sliceDistance = (ds: DicomJson) => Math.abs(dot(nums(ds, '00200032'), normal) - dot(point, normal));
  const slice = [...slices].sort((a, b) => sliceDistance(a) - sliceDistance(b))[0]!;
  const ipp = nums(slice, '00200032');
  const [rowSpacing, columnSpacing] = nums(slice, '00280030');
  const d = [point[0]! - ipp[0]!, point[1]! - ipp[1]!, point[2]! - ipp[2]!];
  const column = Math.round(dot(d, row) / columnSpacing!);
  const rowIndex = Math.round(dot(d, col) / rowSpacing!);
  const stored = await storedPixel(orthanc, slice, column, rowIndex);
  return stored * num(slice, '00281053') + num(slice, '00281052');
}

describe('phantom truth read back from Orthanc', () => {
  let orthanc: OrthancInstance;
  let ct: CtPhantomSeries;
  let mg: MammographyStudy;

  beforeAll(async () => {
    orthanc = await startOrthanc({ name: 'TRUTH', aeTitle: 'TRUTH', username: 'truth', password: 'truth-secret' });
    ct = generateCtPhantom({ seed: 'truth', patient: { PatientName: 'PHANTOM^CT', PatientID: 'PH1', PatientBirthDate: '20000101', PatientSex: 'O' }, study: testStudy('ct-truth'), Rows: 128, Columns: 128, slices: 30, SliceThickness: 2 });
    mg = generateMammographyStudy({ seed: 'truth', patient: { PatientName: 'PHANTOM^MG', PatientID: 'PH2', PatientBirthDate: '19700101', PatientSex: 'F' }, study: testStudy('mg-truth'), Rows: 320, Columns: 256 });
    await storeInstancesStow(orthanc, [...ct.instances, ...mg.instances].map((i) => i.buffer));
  });

  afterAll(async () => {
    await orthanc?.stop();
  });

  it('has every CT object at its coordinates with its HU', async () => {
    const slices = await seriesMetadata(orthanc, ct.instances[0]!.StudyInstanceUID, ct.SeriesInstanceUID);
    expect(slices).toHaveLength(30);
    for (const object of ct.objects) {
      const centre = object.kind === 'sphere' ? object.center : object.min.map((v, i) => (v + object.max[i]!) / 2);
      expect({ label: object.label, hu: await huAt(orthanc, slices, centre) }).toEqual({ label: object.label, hu: object.HU });
    }
  });

  it('puts the left marker on the patient left (+x) only', async () => {
    const slices = await seriesMetadata(orthanc, ct.instances[0]!.StudyInstanceUID, ct.SeriesInstanceUID);
    const marker = ct.objects.find((o) => o.label === 'left-marker');
    if (marker?.kind !== 'box') throw new Error('no left marker');
    const centre = [(marker.min[0] + marker.max[0]) / 2, (marker.min[1] + marker.max[1]) / 2, 0];
    expect(centre[0]).toBeGreaterThan(0);
    expect(await huAt(orthanc, slices, centre)).toBe(1500);
    const mirrored = await huAt(orthanc, slices, [-centre[0]!, centre[1]!, centre[2]!]);
    expect(Math.abs(mirrored - ct.body.HU)).toBeLessThanOrEqual(ct.body.noiseHU);
  });

  it('has the mammography marker, lesion and chest wall where the views say', async () => {
    const views = await seriesMetadata(orthanc, mg.StudyInstanceUID, mg.SeriesInstanceUID);
    for (const view of mg.views) {
      const ds = views.find((v) => v['00080018']?.Value?.[0] === view.instance.SOPInstanceUID)!;
      const columns = num(ds, '00280011');
      const rows = num(ds, '00280010');
      const orientation = ds['00200020']?.Value;
      const laterality = ds['00200062']?.Value?.[0];
      expect(orientation?.[0], view.view).toBe(laterality === 'R' ? 'P' : 'A');
      const { marker, lesion, chestWallSide } = view.truth;
      expect(await storedPixel(orthanc, ds, (marker.columnStart + marker.columnEnd) >> 1, (marker.rowStart + marker.rowEnd) >> 1)).toBe(MARKER_VALUE);
      const wallColumn = chestWallSide === 'right' ? columns - 1 : 0;
      expect(chestWallSide).toBe(laterality === 'R' ? 'right' : 'left');
      expect(await storedPixel(orthanc, ds, wallColumn, rows >> 1), `${view.view} chest wall`).toBeGreaterThan(0);
      expect(await storedPixel(orthanc, ds, columns - 1 - wallColumn, rows >> 1), `${view.view} opposite edge`).toBe(0);
      if (lesion) expect(await storedPixel(orthanc, ds, lesion.column, lesion.row)).toBe(LESION_VALUE);
      expect(lesion !== null).toBe(laterality === 'L');
    }
  });
});
