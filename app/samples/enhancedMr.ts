import { monochrome16, patientModule, seriesModule, sopCommon, studyModule } from './commonModules';
import { headLesion, paintHeadSlice, type MrWeighting } from './headPhantom';
import { makeUid } from './makeUid';
import { MR_TIMING } from './mrSeries';
import { axialGeometry, type AxialGeometry, type PhantomSphere } from './phantomGeometry';
import type { GeneratedInstance, PatientDescriptor, StudyDescriptor } from './sampleTypes';
import { createRandom } from './seededRandom';
import { writePart10 } from './writePart10';

/** Enhanced MR Image Storage SOP Class (PS3.4 B.5). */
export const ENHANCED_MR_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.4.1';

/** Tags used as dimension pointers (PS3.3 C.7.6.17 Multi-frame Dimension Module). */
const STACK_ID = 0x00209056;
const IN_STACK_POSITION_NUMBER = 0x00209057;
const FRAME_CONTENT_SEQUENCE = 0x00209111;

/** Options of generateEnhancedMr (defaults: 128×128, 24 frames, T2). */
export interface EnhancedMrOptions {
  seed: string;
  patient: PatientDescriptor;
  study: StudyDescriptor;
  weighting?: MrWeighting;
  Rows?: number;
  Columns?: number;
  frames?: number;
  fieldOfViewMm?: number;
  SliceThickness?: number;
  SeriesNumber?: number;
}

/** A generated multi-frame instance and its truth. */
export interface EnhancedMrSeries {
  SeriesInstanceUID: string;
  instance: GeneratedInstance;
  NumberOfFrames: number;
  geometry: AxialGeometry;
  lesion: PhantomSphere;
}

/**
 * Generates one Enhanced MR Image (PS3.3 A.36.2) with NumberOfFrames axial
 * frames: Shared Functional Groups hold Pixel Measures, Plane Orientation, MR
 * timing and frame type (C.7.6.16, C.8.13.5); each Per-frame item holds Frame
 * Content (StackID, InStackPositionNumber, DimensionIndexValues) and Plane
 * Position; Dimension Organization by stack and position (C.7.6.17).
 */
export function generateEnhancedMr(options: EnhancedMrOptions): EnhancedMrSeries {
  const weighting = options.weighting ?? 'T2';
  const Rows = options.Rows ?? 128;
  const Columns = options.Columns ?? 128;
  const frames = options.frames ?? 24;
  const fov = options.fieldOfViewMm ?? 240;
  const thickness = options.SliceThickness ?? 5;
  const SeriesNumber = options.SeriesNumber ?? 10;
  const geometry = axialGeometry(Rows, Columns, frames, fov, thickness);
  const lesion = headLesion(fov, frames * thickness);
  const SeriesInstanceUID = makeUid(options.seed, 'emr-series', options.study.StudyInstanceUID, SeriesNumber);
  const SOPInstanceUID = makeUid(options.seed, 'emr-sop', SeriesInstanceUID);
  const DimensionOrganizationUID = makeUid(options.seed, 'emr-dim', SeriesInstanceUID);
  const random = createRandom(`${options.seed}|emr|${SeriesNumber}`);
  const frameSize = Rows * Columns;
  const pixels = new Uint16Array(frameSize * frames);
  const slice = new Uint16Array(frameSize);
  geometry.positions.forEach((position, k) => {
    paintHeadSlice(slice, geometry, position[2], fov, weighting, lesion, random);
    pixels.set(slice, k * frameSize);
  });
  const contrast = weighting === 'T1' ? 'T1' : 'T2';
  const dataset = {
    ...patientModule(options.patient),
    ...studyModule(options.study),
    ...seriesModule({ Modality: 'MR', SeriesInstanceUID, SeriesNumber, SeriesDescription: `AX ${weighting} enhanced`, study: options.study, BodyPartExamined: 'HEAD' }),
    ...sopCommon(ENHANCED_MR_IMAGE_STORAGE, SOPInstanceUID, options.study, 1),
    ...monochrome16(Rows, Columns, false, 12),
    FrameOfReferenceUID: makeUid(options.seed, 'mr-for', options.study.StudyInstanceUID),
    PositionReferenceIndicator: '',
    ImageType: ['ORIGINAL', 'PRIMARY', 'M', 'NONE'],
    ContentQualification: 'PRODUCT',
    ResonantNucleus: '1H',
    MagneticFieldStrength: 1.5,
    AcquisitionContrast: contrast,
    PixelPresentation: 'MONOCHROME',
    VolumetricProperties: 'VOLUME',
    VolumeBasedCalculationTechnique: 'NONE',
    ComplexImageComponent: 'MAGNITUDE',
    MRAcquisitionType: '2D',
    EchoPulseSequence: 'SPIN',
    BurnedInAnnotation: 'NO',
    LossyImageCompression: '00',
    PresentationLUTShape: 'IDENTITY',
    NumberOfFrames: frames,
    DimensionOrganizationType: '3D',
    DimensionOrganizationSequence: [{ DimensionOrganizationUID }],
    DimensionIndexSequence: [
      { DimensionOrganizationUID, DimensionIndexPointer: STACK_ID, FunctionalGroupPointer: FRAME_CONTENT_SEQUENCE, DimensionDescriptionLabel: 'Stack ID' },
      { DimensionOrganizationUID, DimensionIndexPointer: IN_STACK_POSITION_NUMBER, FunctionalGroupPointer: FRAME_CONTENT_SEQUENCE, DimensionDescriptionLabel: 'In-Stack Position Number' },
    ],
    SharedFunctionalGroupsSequence: [
      {
        PixelMeasuresSequence: [{ PixelSpacing: geometry.PixelSpacing, SliceThickness: thickness, SpacingBetweenSlices: thickness }],
        PlaneOrientationSequence: [{ ImageOrientationPatient: geometry.ImageOrientationPatient }],
        MRTimingAndRelatedParametersSequence: [{ RepetitionTime: MR_TIMING[weighting].RepetitionTime, EchoTrainLength: 1, FlipAngle: 90 }],
        MREchoSequence: [{ EffectiveEchoTime: MR_TIMING[weighting].EchoTime }],
        MRImageFrameTypeSequence: [
          { FrameType: ['ORIGINAL', 'PRIMARY', 'M', 'NONE'], PixelPresentation: 'MONOCHROME', VolumetricProperties: 'VOLUME', VolumeBasedCalculationTechnique: 'NONE', ComplexImageComponent: 'MAGNITUDE', AcquisitionContrast: contrast },
        ],
        PixelValueTransformationSequence: [{ RescaleIntercept: 0, RescaleSlope: 1, RescaleType: 'US' }],
        FrameVOILUTSequence: [{ WindowCenter: 1100, WindowWidth: 2400 }],
      },
    ],
    PerFrameFunctionalGroupsSequence: geometry.positions.map((position, k) => ({
      FrameContentSequence: [{ StackID: '1', InStackPositionNumber: k + 1, DimensionIndexValues: [1, k + 1] }],
      PlanePositionSequence: [{ ImagePositionPatient: position }],
    })),
    PixelData: [pixels.buffer],
  };
  return {
    SeriesInstanceUID,
    NumberOfFrames: frames,
    geometry,
    lesion,
    instance: {
      fileName: `MR${SeriesNumber}/ENHANCED.dcm`,
      buffer: writePart10(dataset),
      StudyInstanceUID: options.study.StudyInstanceUID,
      SeriesInstanceUID,
      SOPInstanceUID,
      SOPClassUID: ENHANCED_MR_IMAGE_STORAGE,
    },
  };
}
