import { addMinutes, toDicomDate, toDicomTime } from './dicomDateTime';
import { makeUid } from './makeUid';
import { generateMammographyStudy } from './mammography';
import type { GeneratedInstance, PatientDescriptor } from './sampleTypes';

/** The women of the demo screening batch (organised screening, 50–74 years old). */
const WOMEN: readonly PatientDescriptor[] = [
  { PatientName: 'LAMBERT^Odile', PatientID: 'D0070001', PatientBirthDate: '19610214', PatientSex: 'F' },
  { PatientName: 'FONTAINE^Brigitte', PatientID: 'D0070002', PatientBirthDate: '19580930', PatientSex: 'F' },
  { PatientName: 'MERCIER^Sylvie', PatientID: 'D0070003', PatientBirthDate: '19690705', PatientSex: 'F' },
];

/**
 * A batch of screening mammograms for the demo archive's Screening page: one 4-view examination
 * per woman, taken this morning, the second without a lesion painted (a normal case), so that two
 * readers can double-read it and disagree on one. `scale` as in the demo scenario.
 */
export function buildScreeningBatch(options: { now: Date; seed?: string; scale?: number }): GeneratedInstance[][] {
  const seed = options.seed ?? 'garde-demo';
  const size = (value: number) => Math.max(64, Math.round((value * Math.min(options.scale ?? 1, 1)) / 16) * 16);
  return WOMEN.map((patient, n) => {
    const when = addMinutes(options.now, -300 - 20 * n);
    const study = {
      StudyInstanceUID: makeUid(seed, 'screening-batch', patient.PatientID),
      StudyDate: toDicomDate(when),
      StudyTime: toDicomTime(when),
      AccessionNumber: `DEP${patient.PatientID.slice(-4)}`,
      StudyID: String(n + 1),
      StudyDescription: 'MAMMOGRAPHY SCREENING BILATERAL',
    };
    return generateMammographyStudy({ seed, patient, study, Rows: size(2048), Columns: size(1664), lesionRadiusFraction: n === 1 ? 0 : 0.015 }).instances;
  });
}
