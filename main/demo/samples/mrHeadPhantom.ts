import { monochrome16, patientModule, seriesModule, studyModule } from './commonModules';
import { headLesion, paintHeadSlice, type MrWeighting } from './headPhantom';
import { makeUid } from './makeUid';
import { axialGeometry, type AxialGeometry, type PhantomSphere } from './phantomGeometry';
import type { PatientDescriptor, StudyDescriptor } from './sampleTypes';
import { createRandom } from './seededRandom';

/** Timing parameters per weighting (ms). */
export const MR_TIMING: Record<MrWeighting, { RepetitionTime: number; EchoTime: number }> = {
  T1: { RepetitionTime: 500, EchoTime: 12 },
  T2: { RepetitionTime: 4000, EchoTime: 100 },
};

/** Options shared by the MR generators (single-frame series and enhanced multi-frame). */
export interface MrPhantomOptions {
  seed: string;
  patient: PatientDescriptor;
  study: StudyDescriptor;
  weighting?: MrWeighting;
  Rows?: number;
  Columns?: number;
  fieldOfViewMm?: number;
  SliceThickness?: number;
  SeriesNumber?: number;
}

/** What a generator's kind sets: its UID tag, defaults and series description. */
export interface MrPhantomKind {
  tag: 'mr' | 'emr';
  weighting: MrWeighting;
  Rows: number;
  Columns: number;
  SeriesNumber: (weighting: MrWeighting) => number;
  description: (weighting: MrWeighting) => string;
}

/** An axial head phantom laid out for `count` slices, with the modules every MR image shares. */
export interface MrHeadPhantom {
  weighting: MrWeighting;
  Rows: number;
  Columns: number;
  SliceThickness: number;
  SeriesNumber: number;
  SeriesInstanceUID: string;
  FrameOfReferenceUID: string;
  geometry: AxialGeometry;
  lesion: PhantomSphere;
  /** Patient, General Study, General Series, Frame of Reference and Image Pixel modules (PS3.3 C.7). */
  modules: Record<string, unknown>;
  /** Paints slice `k` into `pixels` (the same seeded noise for the same options). */
  paint(pixels: Uint16Array, k: number): void;
}

/**
 * Lays out an axial head phantom of `count` slices (FOV 240 mm, 5 mm slices by default), unsigned
 * 12-bit in 16-bit words, with a lesion on the patient's left (Image Plane Module, PS3.3 C.7.6.2).
 */
export function mrHeadPhantom(options: MrPhantomOptions, count: number, kind: MrPhantomKind): MrHeadPhantom {
  const weighting = options.weighting ?? kind.weighting;
  const Rows = options.Rows ?? kind.Rows;
  const Columns = options.Columns ?? kind.Columns;
  const fov = options.fieldOfViewMm ?? 240;
  const SliceThickness = options.SliceThickness ?? 5;
  const SeriesNumber = options.SeriesNumber ?? kind.SeriesNumber(weighting);
  const geometry = axialGeometry(Rows, Columns, count, fov, SliceThickness);
  const lesion = headLesion(fov, count * SliceThickness);
  const SeriesInstanceUID = makeUid(options.seed, `${kind.tag}-series`, options.study.StudyInstanceUID, SeriesNumber);
  const FrameOfReferenceUID = makeUid(options.seed, 'mr-for', options.study.StudyInstanceUID);
  const random = createRandom(`${options.seed}|${kind.tag}|${SeriesNumber}`);
  const modules = {
    ...patientModule(options.patient),
    ...studyModule(options.study),
    ...seriesModule({ Modality: 'MR', SeriesInstanceUID, SeriesNumber, SeriesDescription: kind.description(weighting), study: options.study, BodyPartExamined: 'HEAD' }),
    ...monochrome16(Rows, Columns, false, 12),
    FrameOfReferenceUID,
    PositionReferenceIndicator: '',
    ImageType: ['ORIGINAL', 'PRIMARY', 'M', 'NONE'],
    MagneticFieldStrength: 1.5,
    MRAcquisitionType: '2D',
  };
  const paint = (pixels: Uint16Array, k: number) => paintHeadSlice(pixels, geometry, geometry.positions[k]![2], fov, weighting, lesion, random);
  return { weighting, Rows, Columns, SliceThickness, SeriesNumber, SeriesInstanceUID, FrameOfReferenceUID, geometry, lesion, modules, paint };
}
