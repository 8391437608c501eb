import { parsePart10 } from '../../../app/dicom/parsePart10';
import { describeStudy, type StudyDescriptor } from '../../../app/hanging';
import {
  generateCtPhantom,
  generateMammographyWithPrior,
  generateMrSeries,
  type GeneratedInstance,
  type PatientDescriptor,
  type StudyDescriptor as SampleStudy,
} from '../../../main/demo/samples';

/** The patient of every hanging test. */
export const PATIENT: PatientDescriptor = { PatientName: 'HANGING^Test', PatientID: 'H1', PatientBirthDate: '19600101', PatientSex: 'F' };

/** A study descriptor for the generators. */
export function sampleStudy(uid: string, StudyDate: string, StudyDescription: string): SampleStudy {
  return { StudyInstanceUID: uid, StudyDate, StudyTime: '100000', AccessionNumber: `A${uid.slice(-3)}`, StudyID: '1', StudyDescription };
}

/** Reads generated Part 10 files back and groups them into the matcher's study descriptor. */
export function describeInstances(instances: readonly GeneratedInstance[]): StudyDescriptor {
  return describeStudy(instances.map((instance) => parsePart10(instance.buffer).dataset));
}

/** A small CT: a 24-slice axial series (#1) and a 2-slice "Scout" series (#2), or only the axial one. */
export function ctStudy(uid: string, StudyDate: string, withScout = true): { study: StudyDescriptor; FrameOfReferenceUID: string } {
  const study = sampleStudy(uid, StudyDate, 'CT THORAX');
  const axial = generateCtPhantom({ seed: 'hanging', patient: PATIENT, study, Rows: 8, Columns: 8, slices: 24, SliceThickness: 5 });
  const instances = [...axial.instances];
  if (withScout) {
    const scout = generateCtPhantom({ seed: 'hanging', patient: PATIENT, study, Rows: 8, Columns: 8, slices: 2, SeriesNumber: 2, SeriesDescription: 'Scout' });
    instances.push(...scout.instances);
  }
  return { study: describeInstances(instances), FrameOfReferenceUID: axial.FrameOfReferenceUID };
}

/** A small head MR with an axial T1 (#3) and T2 (#4) series. */
export function mrStudy(): StudyDescriptor {
  const study = sampleStudy('2.25.3001', '20260314', 'IRM CEREBRALE');
  const t1 = generateMrSeries({ seed: 'hanging', patient: PATIENT, study, weighting: 'T1', Rows: 8, Columns: 8, slices: 4 });
  const t2 = generateMrSeries({ seed: 'hanging', patient: PATIENT, study, weighting: 'T2', Rows: 8, Columns: 8, slices: 4 });
  return describeInstances([...t1.instances, ...t2.instances]);
}

/** A small screening mammogram (RCC, LCC, RMLO, LMLO) and the prior two years earlier. */
export function mammographyStudies(): { current: StudyDescriptor; prior: StudyDescriptor } {
  const { current, prior } = generateMammographyWithPrior({
    seed: 'hanging',
    patient: PATIENT,
    study: sampleStudy('2.25.4001', '20260314', 'MAMMOGRAPHIE DE DEPISTAGE'),
    priorStudy: sampleStudy('2.25.4000', '20240312', 'MAMMOGRAPHIE DE DEPISTAGE'),
    Rows: 32,
    Columns: 26,
  });
  return { current: describeInstances(current.instances), prior: describeInstances(prior.instances) };
}

/** The view name ("RCC") of each SOPInstanceUID of a mammography study. */
export function viewNames(study: StudyDescriptor): Map<string, string> {
  const names = new Map<string, string>();
  for (const image of study.series.flatMap((s) => s.images)) names.set(image.SOPInstanceUID, `${image.ImageLaterality}${image.ViewPosition}`);
  return names;
}
