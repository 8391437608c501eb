import { monochrome16, patientModule, seriesModule, sopCommon, studyModule } from './commonModules';
import { CT_IMAGE_STORAGE, type CtPhantomSeries } from './ctPhantom';
import { makeUid } from './makeUid';
import { contains, roundDs } from './phantomGeometry';
import type { GeneratedInstance, PatientDescriptor, StudyDescriptor } from './sampleTypes';
import { createRandom } from './seededRandom';
import { writePart10 } from './writePart10';

/** Options of generateCtCoronal: the axial phantom it reformats, and how many coronal slices. */
export interface CtCoronalOptions {
  seed: string;
  patient: PatientDescriptor;
  study: StudyDescriptor;
  axial: CtPhantomSeries;
  slices?: number;
  SeriesNumber?: number;
}

/** A generated coronal series of a phantom, in the axial series' frame of reference. */
export interface CtCoronalSeries {
  SeriesInstanceUID: string;
  FrameOfReferenceUID: string;
  instances: GeneratedInstance[];
  /** IOP (1,0,0, 0,0,-1): rows run to the patient's left, columns down to the feet (PS3.3 C.7.6.2.1.1). */
  ImageOrientationPatient: [number, number, number, number, number, number];
  /** [row spacing (along z, the axial slice spacing), column spacing (along x)] in mm. */
  PixelSpacing: [number, number];
  /** ImagePositionPatient of each slice, anterior (most negative y) first. */
  positions: Array<[number, number, number]>;
  Rows: number;
  Columns: number;
}

/**
 * A coronal series of the same phantom as an axial CT series (generateCtPhantom), as a scanner's
 * reformat would give: same FrameOfReferenceUID (PS3.3 C.7.4.1), same objects and HU, one image
 * row per axial slice (row r at the z of axial slice r) and the axial columns; slices spread from
 * anterior to posterior across the body. Reference lines and position sync can be checked on it.
 */
export function generateCtCoronal(options: CtCoronalOptions): CtCoronalSeries {
  const { axial } = options;
  const { geometry } = axial;
  const slices = options.slices ?? 16;
  const Rows = geometry.positions.length;
  const Columns = geometry.Columns;
  const columnSpacing = geometry.PixelSpacing[1];
  const rowSpacing = geometry.SliceThickness;
  const [x0, , zTop] = geometry.positions[0]!;
  const halfDepth = axial.body.radiiMm[1];
  const SeriesNumber = options.SeriesNumber ?? 2;
  const SeriesInstanceUID = makeUid(options.seed, 'ct-coronal-series', options.study.StudyInstanceUID, SeriesNumber);
  const random = createRandom(`${options.seed}|ct-coronal-noise|${SeriesNumber}`);
  const ImageOrientationPatient: CtCoronalSeries['ImageOrientationPatient'] = [1, 0, 0, 0, 0, -1];
  const PixelSpacing: [number, number] = [rowSpacing, columnSpacing];
  const [rx, ry] = axial.body.radiiMm;
  const shared = {
    ...patientModule(options.patient),
    ...studyModule(options.study),
    ...seriesModule({ Modality: 'CT', SeriesInstanceUID, SeriesNumber, SeriesDescription: 'Phantom coronal', study: options.study, BodyPartExamined: 'CHEST' }),
    ...monochrome16(Rows, Columns, true),
    FrameOfReferenceUID: axial.FrameOfReferenceUID,
    PositionReferenceIndicator: '',
    PatientPosition: 'HFS',
    ImageType: ['DERIVED', 'SECONDARY', 'REFORMATTED'],
    ImageOrientationPatient,
    PixelSpacing,
    SliceThickness: columnSpacing,
    RescaleIntercept: -1024,
    RescaleSlope: 1,
    RescaleType: 'HU',
    WindowCenter: 40,
    WindowWidth: 400,
  };
  const positions: Array<[number, number, number]> = [];
  const instances: GeneratedInstance[] = [];
  const pixels = new Int16Array(Rows * Columns);
  for (let k = 0; k < slices; k += 1) {
    const y = roundDs(-halfDepth + ((k + 0.5) * 2 * halfDepth) / slices);
    const position: [number, number, number] = [x0, y, zTop];
    positions.push(position);
    for (let r = 0; r < Rows; r += 1) {
      const z = zTop - r * rowSpacing;
      const inSlice = axial.objects.filter((o) => (o.kind === 'box' ? y >= o.min[1] && y <= o.max[1] : Math.abs(y - o.center[1]) <= o.radiusMm));
      for (let i = 0; i < Columns; i += 1) {
        const x = x0 + i * columnSpacing;
        let hu = -1000;
        if ((x * x) / (rx * rx) + (y * y) / (ry * ry) <= 1) hu = axial.body.HU + Math.round((random() * 2 - 1) * axial.body.noiseHU);
        for (const object of inSlice) if (contains(object, x, y, z)) hu = object.HU;
        pixels[r * Columns + i] = hu + 1024;
      }
    }
    const SOPInstanceUID = makeUid(options.seed, 'ct-coronal-sop', SeriesInstanceUID, k + 1);
    instances.push({
      fileName: `CT${SeriesNumber}/IM${String(k + 1).padStart(4, '0')}.dcm`,
      buffer: writePart10({ ...shared, ...sopCommon(CT_IMAGE_STORAGE, SOPInstanceUID, options.study, k + 1), ImagePositionPatient: position, PixelData: [pixels.slice().buffer] }),
      StudyInstanceUID: options.study.StudyInstanceUID,
      SeriesInstanceUID,
      SOPInstanceUID,
      SOPClassUID: CT_IMAGE_STORAGE,
    });
  }
  return { SeriesInstanceUID, FrameOfReferenceUID: axial.FrameOfReferenceUID, instances, ImageOrientationPatient, PixelSpacing, positions, Rows, Columns };
}
