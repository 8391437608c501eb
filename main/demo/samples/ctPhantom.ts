import { monochrome16, patientModule, seriesModule, sopCommon, studyModule } from './commonModules';
import { makeUid } from './makeUid';
import { axialGeometry, contains, roundDs, type AxialGeometry, type PhantomObject } from './phantomGeometry';
import type { GeneratedInstance, PatientDescriptor, StudyDescriptor } from './sampleTypes';
import { createRandom } from './seededRandom';
import { writePart10 } from './writePart10';

/** CT Image Storage SOP Class (PS3.4 B.5). */
export const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';

/** Options of generateCtPhantom; sizes default to 512×512×300. */
export interface CtPhantomOptions {
  seed: string;
  patient: PatientDescriptor;
  study: StudyDescriptor;
  Rows?: number;
  Columns?: number;
  slices?: number;
  fieldOfViewMm?: number;
  SliceThickness?: number;
  SeriesNumber?: number;
  SeriesDescription?: string;
  BodyPartExamined?: string;
  /** FrameOfReferenceUID (0020,0052) to use, e.g. another series' of the same patient; a new one by default. */
  FrameOfReferenceUID?: string;
}

/** A generated CT series and the truth about its content. */
export interface CtPhantomSeries {
  SeriesInstanceUID: string;
  FrameOfReferenceUID: string;
  instances: GeneratedInstance[];
  geometry: AxialGeometry;
  /** Uniform objects, painted in this order (later wins); the body is an elliptic cylinder described by `body`. */
  objects: PhantomObject[];
  body: { radiiMm: [number, number]; HU: number; noiseHU: number };
  RescaleSlope: 1;
  RescaleIntercept: -1024;
}

/** Objects of the phantom for a field of view and a z extent centred on 0. */
export function phantomObjects(fieldOfViewMm: number, zExtentMm: number): PhantomObject[] {
  const F = fieldOfViewMm;
  const r = roundDs(Math.min(0.05 * F, 0.18 * zExtentMm));
  const dz = roundDs(0.2 * zExtentMm);
  return [
    // Patient's left is +x in LPS: this block exists on the left only.
    { kind: 'box', label: 'left-marker', min: [roundDs(0.28 * F), roundDs(-0.03 * F), -zExtentMm], max: [roundDs(0.34 * F), roundDs(0.03 * F), zExtentMm], HU: 1500 },
    { kind: 'sphere', label: 'water', center: [roundDs(-0.18 * F), roundDs(-0.1 * F), -dz], radiusMm: r, HU: 0 },
    { kind: 'sphere', label: 'bone', center: [0, roundDs(0.15 * F), 0], radiusMm: r, HU: 1000 },
    { kind: 'sphere', label: 'fat', center: [roundDs(0.18 * F), roundDs(-0.1 * F), dz], radiusMm: r, HU: -100 },
    { kind: 'sphere', label: 'air', center: [roundDs(-0.18 * F), roundDs(0.12 * F), 0], radiusMm: r, HU: -1000 },
  ];
}

/**
 * Fills one axial slice with stored values (HU + 1024, Int16): air outside an
 * elliptic body of soft tissue (40 HU ± noise), then the uniform objects.
 */
function fillSlice(pixels: Int16Array, geometry: AxialGeometry, z: number, objects: PhantomObject[], body: CtPhantomSeries['body'], random: () => number): void {
  const { Rows, Columns, PixelSpacing } = geometry;
  const [x0, y0] = geometry.positions[0] ?? [0, 0, 0];
  const [rx, ry] = body.radiiMm;
  const inSlice = objects.filter((o) => (o.kind === 'box' ? z >= o.min[2] && z <= o.max[2] : Math.abs(z - o.center[2]) <= o.radiusMm));
  for (let j = 0; j < Rows; j += 1) {
    const y = y0 + j * PixelSpacing[0];
    for (let i = 0; i < Columns; i += 1) {
      const x = x0 + i * PixelSpacing[1];
      let hu = -1000;
      if ((x * x) / (rx * rx) + (y * y) / (ry * ry) <= 1) hu = body.HU + Math.round((random() * 2 - 1) * body.noiseHU);
      for (const object of inSlice) if (contains(object, x, y, z)) hu = object.HU;
      pixels[j * Columns + i] = hu + 1024;
    }
  }
}

/**
 * Generates a CT phantom series (CT Image IOD, PS3.3 A.3): 16-bit signed,
 * RescaleSlope 1 / RescaleIntercept -1024 (C.11.1.1.2), Image Plane Module
 * (C.7.6.2) with IOP (1,0,0,0,1,0), spheres of water, bone, fat and air and a
 * block on the patient's left (+x) only, so a flipped display is detectable.
 */
export function generateCtPhantom(options: CtPhantomOptions): CtPhantomSeries {
  const Rows = options.Rows ?? 512;
  const Columns = options.Columns ?? 512;
  const slices = options.slices ?? 300;
  const fov = options.fieldOfViewMm ?? 400;
  const thickness = options.SliceThickness ?? 1;
  const geometry = axialGeometry(Rows, Columns, slices, fov, thickness);
  const objects = phantomObjects(fov, slices * thickness);
  const body: CtPhantomSeries['body'] = { radiiMm: [roundDs(0.42 * fov), roundDs(0.3 * fov)], HU: 40, noiseHU: 4 };
  const SeriesNumber = options.SeriesNumber ?? 1;
  const SeriesInstanceUID = makeUid(options.seed, 'ct-series', options.study.StudyInstanceUID, SeriesNumber);
  const FrameOfReferenceUID = options.FrameOfReferenceUID ?? makeUid(options.seed, 'ct-for', options.study.StudyInstanceUID, SeriesNumber);
  const random = createRandom(`${options.seed}|ct-noise|${SeriesNumber}`);
  const shared = {
    ...patientModule(options.patient),
    ...studyModule(options.study),
    ...seriesModule({ Modality: 'CT', SeriesInstanceUID, SeriesNumber, SeriesDescription: options.SeriesDescription ?? 'Phantom axial', study: options.study, BodyPartExamined: options.BodyPartExamined ?? 'CHEST' }),
    ...monochrome16(Rows, Columns, true),
    FrameOfReferenceUID,
    PositionReferenceIndicator: '',
    PatientPosition: 'HFS',
    ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
    KVP: 120,
    AcquisitionNumber: 1,
    ConvolutionKernel: 'STANDARD',
    ImageOrientationPatient: geometry.ImageOrientationPatient,
    PixelSpacing: geometry.PixelSpacing,
    SliceThickness: thickness,
    RescaleIntercept: -1024,
    RescaleSlope: 1,
    RescaleType: 'HU',
    WindowCenter: 40,
    WindowWidth: 400,
  };
  const instances: GeneratedInstance[] = [];
  const pixels = new Int16Array(Rows * Columns);
  geometry.positions.forEach((position, k) => {
    fillSlice(pixels, geometry, position[2], objects, body, random);
    const SOPInstanceUID = makeUid(options.seed, 'ct-sop', SeriesInstanceUID, k + 1);
    const dataset = {
      ...shared,
      ...sopCommon(CT_IMAGE_STORAGE, SOPInstanceUID, options.study, k + 1),
      ImagePositionPatient: position,
      SliceLocation: position[2],
      PixelData: [pixels.slice().buffer],
    };
    instances.push({
      fileName: `CT${SeriesNumber}/IM${String(k + 1).padStart(4, '0')}.dcm`,
      buffer: writePart10(dataset),
      StudyInstanceUID: options.study.StudyInstanceUID,
      SeriesInstanceUID,
      SOPInstanceUID,
      SOPClassUID: CT_IMAGE_STORAGE,
    });
  });
  return { SeriesInstanceUID, FrameOfReferenceUID, instances, geometry, objects, body, RescaleSlope: 1, RescaleIntercept: -1024 };
}
