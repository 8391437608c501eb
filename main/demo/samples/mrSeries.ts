import { sopCommon } from './commonModules';
import { mrHeadPhantom, MR_TIMING, type MrPhantomOptions } from './mrHeadPhantom';
import type { MrWeighting } from './headPhantom';
import { makeUid } from './makeUid';
import type { AxialGeometry, PhantomSphere } from './phantomGeometry';
import type { GeneratedInstance } from './sampleTypes';
import { writePart10 } from './writePart10';

/** MR Image Storage SOP Class (PS3.4 B.5). */
export const MR_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.4';

/** Options of generateMrSeries (defaults: 256×256×20, FOV 240 mm, 5 mm slices, T1). */
export interface MrSeriesOptions extends MrPhantomOptions {
  slices?: number;
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
  const phantom = mrHeadPhantom(options, options.slices ?? 20, { tag: 'mr', weighting: 'T1', Rows: 256, Columns: 256, SeriesNumber: (w) => (w === 'T1' ? 3 : 4), description: (w) => `AX ${w} SE` });
  const { weighting, Rows, Columns, SliceThickness, SeriesNumber, SeriesInstanceUID, FrameOfReferenceUID, geometry, lesion } = phantom;
  const shared = {
    ...phantom.modules,
    PatientPosition: 'HFS',
    ScanningSequence: 'SE',
    SequenceVariant: 'NONE',
    ScanOptions: '',
    ...MR_TIMING[weighting],
    EchoTrainLength: 1,
    ImagingFrequency: 63.87,
    ImagedNucleus: '1H',
    SliceThickness,
    SpacingBetweenSlices: SliceThickness,
    ImageOrientationPatient: geometry.ImageOrientationPatient,
    PixelSpacing: geometry.PixelSpacing,
    WindowCenter: weighting === 'T1' ? 900 : 1100,
    WindowWidth: weighting === 'T1' ? 1800 : 2400,
  };
  const pixels = new Uint16Array(Rows * Columns);
  const instances: GeneratedInstance[] = geometry.positions.map((position, k) => {
    phantom.paint(pixels, k);
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
