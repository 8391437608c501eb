import { monochrome16, patientModule, seriesModule, sopCommon, studyModule } from './commonModules';
import { makeUid } from './makeUid';
import { MAMMO_VIEWS, type MammoViewName } from './mammographyViews';
import { paintMammogram, type MammoViewTruth } from './paintMammogram';
import type { GeneratedInstance, PatientDescriptor, StudyDescriptor } from './sampleTypes';
import { createRandom } from './seededRandom';
import { writePart10 } from './writePart10';

/** Digital Mammography X-Ray Image Storage – For Presentation (PS3.4 B.5). */
export const MAMMOGRAPHY_FOR_PRESENTATION = '1.2.840.10008.5.1.4.1.1.1.2';

/** Options of generateMammographyStudy (default size 3328 columns × 4096 rows). */
export interface MammographyOptions {
  seed: string;
  patient: PatientDescriptor;
  study: StudyDescriptor;
  Rows?: number;
  Columns?: number;
  /** Lesion radius as a fraction of Columns (0: none). Default 0.02, in the left breast views only. */
  lesionRadiusFraction?: number;
  BreastImplantPresent?: 'YES' | 'NO';
  SeriesNumber?: number;
}

/** One generated view and what it shows. */
export interface MammographyView {
  view: MammoViewName;
  instance: GeneratedInstance;
  truth: MammoViewTruth;
}

/** A generated 4-view screening study. */
export interface MammographyStudy {
  StudyInstanceUID: string;
  SeriesInstanceUID: string;
  views: MammographyView[];
  instances: GeneratedInstance[];
}

/**
 * Generates a screening mammogram: RCC, LCC, RMLO, LMLO as Digital Mammography
 * X-Ray Images For Presentation (PS3.3 A.26.2; DX Image C.8.11.3; Mammography
 * Image C.8.11.7 with ImageLaterality, ViewPosition, ViewCodeSequence,
 * BreastImplantPresent; PatientOrientation C.7.6.1.1.1), 12 bits stored. The
 * lesion is painted in the left breast only, and a laterality marker in the
 * top corner away from the chest wall, so flips and swaps are detectable.
 */
export function generateMammographyStudy(options: MammographyOptions): MammographyStudy {
  const Rows = options.Rows ?? 4096;
  const Columns = options.Columns ?? 3328;
  const pixelSpacing = Math.round((0.07 * 3328 * 10_000) / Columns) / 10_000;
  const SeriesNumber = options.SeriesNumber ?? 1;
  const SeriesInstanceUID = makeUid(options.seed, 'mg-series', options.study.StudyInstanceUID, SeriesNumber);
  const random = createRandom(`${options.seed}|mg|${options.study.StudyInstanceUID}`);
  const pixels = new Uint16Array(Rows * Columns);
  const views = MAMMO_VIEWS.map((view, index): MammographyView => {
    const lesion = view.ImageLaterality === 'L' ? (options.lesionRadiusFraction ?? 0.02) : 0;
    const truth = paintMammogram(pixels, Rows, Columns, view, lesion, random);
    const SOPInstanceUID = makeUid(options.seed, 'mg-sop', SeriesInstanceUID, view.name);
    const dataset = {
      ...patientModule(options.patient),
      ...studyModule(options.study),
      ...seriesModule({ Modality: 'MG', SeriesInstanceUID, SeriesNumber, SeriesDescription: 'Screening mammography', study: options.study, BodyPartExamined: 'BREAST' }),
      ...sopCommon(MAMMOGRAPHY_FOR_PRESENTATION, SOPInstanceUID, options.study, index + 1),
      ...monochrome16(Rows, Columns, false, 12),
      // Value 3 present and empty for a non-stereotactic image (PS3.3 C.8.11.7.1.4).
      ImageType: ['ORIGINAL', 'PRIMARY', ''],
      PresentationIntentType: 'FOR PRESENTATION',
      ImageLaterality: view.ImageLaterality,
      ViewPosition: view.ViewPosition,
      ViewCodeSequence: [{ ...view.ViewCode, ViewModifierCodeSequence: [] }],
      AnatomicRegionSequence: [{ CodeValue: '76752008', CodingSchemeDesignator: 'SCT', CodeMeaning: 'Breast' }],
      PatientOrientation: view.PatientOrientation,
      BreastImplantPresent: options.BreastImplantPresent ?? 'NO',
      PartialView: 'NO',
      PositionerType: 'MAMMOGRAPHIC',
      PositionerPrimaryAngle: view.PositionerPrimaryAngle,
      DetectorType: 'DIRECT',
      ImagerPixelSpacing: [pixelSpacing, pixelSpacing],
      PixelSpacing: [pixelSpacing, pixelSpacing],
      EstimatedRadiographicMagnificationFactor: 1,
      DistanceSourceToDetector: 660,
      DistanceSourceToPatient: 620,
      BodyPartThickness: 52,
      CompressionForce: 110,
      KVP: 29,
      Exposure: 120,
      AnodeTargetMaterial: 'TUNGSTEN',
      FilterMaterial: 'RHODIUM',
      PixelIntensityRelationship: 'LOG',
      PixelIntensityRelationshipSign: 1,
      RescaleIntercept: 0,
      RescaleSlope: 1,
      RescaleType: 'US',
      WindowCenter: 2048,
      WindowWidth: 4096,
      PresentationLUTShape: 'IDENTITY',
      BurnedInAnnotation: 'NO',
      LossyImageCompression: '00',
      PixelData: [pixels.slice().buffer],
    };
    return {
      view: view.name,
      truth,
      instance: {
        fileName: `MG${SeriesNumber}/${view.name}.dcm`,
        buffer: writePart10(dataset),
        StudyInstanceUID: options.study.StudyInstanceUID,
        SeriesInstanceUID,
        SOPInstanceUID,
        SOPClassUID: MAMMOGRAPHY_FOR_PRESENTATION,
      },
    };
  });
  return { StudyInstanceUID: options.study.StudyInstanceUID, SeriesInstanceUID, views, instances: views.map((v) => v.instance) };
}

/**
 * A screening study and the same patient's prior two years earlier (smaller
 * lesion: a growing finding). `prior.study`'s dates are two years before
 * `study`'s; the caller provides both descriptors.
 */
export function generateMammographyWithPrior(
  options: MammographyOptions & { priorStudy: StudyDescriptor; priorPatient?: PatientDescriptor },
): { current: MammographyStudy; prior: MammographyStudy } {
  const lesion = options.lesionRadiusFraction ?? 0.02;
  const current = generateMammographyStudy(options);
  const prior = generateMammographyStudy({ ...options, study: options.priorStudy, patient: options.priorPatient ?? options.patient, lesionRadiusFraction: lesion / 2 });
  return { current, prior };
}
