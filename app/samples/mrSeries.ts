import { monochrome16, patientModule, seriesModule, sopCommon, studyModule } from './commonModules';
import { headLesion, paintHeadSlice, type MrWeighting } from './headPhantom';
import { makeUid } from './makeUid';
import { axialGeometry, type AxialGeometry, type PhantomSphere } from './phantomGeometry';
import type { GeneratedInstance, PatientDescriptor, StudyDescriptor } from './sampleTypes';
import { createRandom } from './seededRandom';
import { writePart10 } from './writePart10';

/** MR Image Storage SOP Class (PS3.4 B.5). */
export const MR_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.4';

/** Timing parameters per weighting (ms). */
export const MR_TIMING: Record<MrWeighting, { RepetitionTime: number; EchoTime: number }> = {
  T1: { RepetitionTime: 500, EchoTime: 12 },
  T2: { RepetitionTime: 4000, EchoTime: 100 },
};

/** Options of generateMrSeries (defaults: 256×256×20, FOV 240 mm, 5 mm slices, T1). */
export interface MrSeriesOptions {
  seed: string;
  patient: PatientDescriptor;
  study: StudyDescriptor;
  weighting?: MrWeighting;
  Rows?: number;
  Columns?: number;
  slices?: number;
  fieldOfViewMm?: number;
  SliceThickness?: number;
  SeriesNumber?: number;
}

/** A generated MR series and its truth. */
export interface MrSeries {
  SeriesInstanceUID: string;
  FrameOfReferenceUID: string;
  weighting: MrWeighting;
  instances: GeneratedInstance[];
  geometry: AxialGeometry;
  lesion: PhantomSphere;
}

/**
 * Generates an axial spin-echo MR series of a head phantom (MR Image IOD,
 * PS3.3 A.4; MR Image Module C.8.3.1; Image Plane Module C.7.6.2), unsigned
 * 12-bit in 16-bit words, with a lesion on the patient's left.
 */
export function generateMrSeries(options: MrSeriesOptions): MrSeries {
  const weighting = options.weighting ?? 'T1';
  const Rows = options.Rows ?? 256;
  const Columns = options.Columns ?? 256;
  const slices = options.slices ?? 20;
  const fov = options.fieldOfViewMm ?? 240;
  const thickness = options.SliceThickness ?? 5;
  const SeriesNumber = options.SeriesNumber ?? (weighting === 'T1' ? 3 : 4);
  const geometry = axialGeometry(Rows, Columns, slices, fov, thickness);
  const lesion = headLesion(fov, slices * thickness);
  const SeriesInstanceUID = makeUid(options.seed, 'mr-series', options.study.StudyInstanceUID, SeriesNumber);
  const FrameOfReferenceUID = makeUid(options.seed, 'mr-for', options.study.StudyInstanceUID);
  const random = createRandom(`${options.seed}|mr|${SeriesNumber}`);
  const shared = {
    ...patientModule(options.patient),
    ...studyModule(options.study),
    ...seriesModule({ Modality: 'MR', SeriesInstanceUID, SeriesNumber, SeriesDescription: `AX ${weighting} SE`, study: options.study, BodyPartExamined: 'HEAD' }),
    ...monochrome16(Rows, Columns, false, 12),
    FrameOfReferenceUID,
    PositionReferenceIndicator: '',
    PatientPosition: 'HFS',
    ImageType: ['ORIGINAL', 'PRIMARY', 'M', 'NONE'],
    ScanningSequence: 'SE',
    SequenceVariant: 'NONE',
    ScanOptions: '',
    MRAcquisitionType: '2D',
    ...MR_TIMING[weighting],
    EchoTrainLength: 1,
    MagneticFieldStrength: 1.5,
    ImagingFrequency: 63.87,
    ImagedNucleus: '1H',
    SliceThickness: thickness,
    SpacingBetweenSlices: thickness,
    ImageOrientationPatient: geometry.ImageOrientationPatient,
    PixelSpacing: geometry.PixelSpacing,
    WindowCenter: weighting === 'T1' ? 900 : 1100,
    WindowWidth: weighting === 'T1' ? 1800 : 2400,
  };
  const pixels = new Uint16Array(Rows * Columns);
  const instances: GeneratedInstance[] = geometry.positions.map((position, k) => {
    paintHeadSlice(pixels, geometry, position[2], fov, weighting, lesion, random);
    const SOPInstanceUID = makeUid(options.seed, 'mr-sop', SeriesInstanceUID, k + 1);
    const dataset = {
      ...shared,
      ...sopCommon(MR_IMAGE_STORAGE, SOPInstanceUID, options.study, k + 1),
      ImagePositionPatient: position,
      SliceLocation: position[2],
      PixelData: [pixels.slice().buffer],
    };
    return {
      fileName: `MR${SeriesNumber}/IM${String(k + 1).padStart(4, '0')}.dcm`,
      buffer: writePart10(dataset),
      StudyInstanceUID: options.study.StudyInstanceUID,
      SeriesInstanceUID,
      SOPInstanceUID,
      SOPClassUID: MR_IMAGE_STORAGE,
    };
  });
  return { SeriesInstanceUID, FrameOfReferenceUID, weighting, instances, geometry, lesion };
}
