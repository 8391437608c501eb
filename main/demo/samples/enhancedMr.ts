import { sopCommon } from './commonModules';
import { makeUid } from './makeUid';
import { mrHeadPhantom, MR_TIMING, type MrPhantomOptions } from './mrHeadPhantom';
import type { AxialGeometry, PhantomSphere } from './phantomGeometry';
import type { GeneratedInstance } from './sampleTypes';
import { writePart10 } from './writePart10';

/** Enhanced MR Image Storage SOP Class (PS3.4 B.5). */
export const ENHANCED_MR_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.4.1';

/** Tags used as dimension pointers (PS3.3 C.7.6.17 Multi-frame Dimension Module). */
const STACK_ID = 0x00209056;
const IN_STACK_POSITION_NUMBER = 0x00209057;
const FRAME_CONTENT_SEQUENCE = 0x00209111;

/** Options of generateEnhancedMr (defaults: 128×128, 24 frames, T2). */
export interface EnhancedMrOptions extends MrPhantomOptions {
  frames?: number;
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
  const frames = options.frames ?? 24;
  const phantom = mrHeadPhantom(options, frames, { tag: 'emr', weighting: 'T2', Rows: 128, Columns: 128, SeriesNumber: () => 10, description: (w) => `AX ${w} enhanced` });
  const { weighting, Rows, Columns, SliceThickness: thickness, SeriesNumber, SeriesInstanceUID, geometry, lesion } = phantom;
  const SOPInstanceUID = makeUid(options.seed, 'emr-sop', SeriesInstanceUID);
  const DimensionOrganizationUID = makeUid(options.seed, 'emr-dim', SeriesInstanceUID);
  const frameSize = Rows * Columns;
  const pixels = new Uint16Array(frameSize * frames);
  const slice = new Uint16Array(frameSize);
  geometry.positions.forEach((_, k) => {
    phantom.paint(slice, k);
    pixels.set(slice, k * frameSize);
  });
  const contrast = weighting === 'T1' ? 'T1' : 'T2';
  const dataset = {
    ...phantom.modules,
    ...sopCommon(ENHANCED_MR_IMAGE_STORAGE, SOPInstanceUID, options.study, 1),
    ContentQualification: 'PRODUCT',
    ResonantNucleus: '1H',
    AcquisitionContrast: contrast,
    PixelPresentation: 'MONOCHROME',
    VolumetricProperties: 'VOLUME',
    VolumeBasedCalculationTechnique: 'NONE',
    ComplexImageComponent: 'MAGNITUDE',
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
