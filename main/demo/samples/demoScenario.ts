import { generateCtPhantom } from './ctPhantom';
import { addMinutes, addYears, toDicomDate, toDicomTime } from './dicomDateTime';
import { generateEnhancedMr } from './enhancedMr';
import { accentedNames, INS_ISSUER_OID, insWithKey, PACS_ISSUERS, samePatientIdDifferentPeople, samePersonOnBothPacs } from './identityCases';
import { makeUid } from './makeUid';
import { generateMammographyStudy } from './mammography';
import { generateMrSeries } from './mrSeries';
import type { ClinicalRequest, GeneratedInstance, PatientDescriptor, StudyDescriptor } from './sampleTypes';

/** The regional PACS a scenario study lives on. */
export type ScenarioPacsId = keyof typeof PACS_ISSUERS;

/** One study of the scenario; pixels are generated on demand by `generate()`. */
export interface ScenarioStudy {
  key: string;
  pacs: ScenarioPacsId;
  /** How the loader stores it: STOW-RS or C-STORE (storescu). */
  loadVia: 'stow' | 'c-store';
  patient: PatientDescriptor;
  study: StudyDescriptor;
  ModalitiesInStudy: string[];
  /** A prior of another scenario study (not to read tonight). */
  isPrior: boolean;
  generate(): GeneratedInstance[];
}

/** Options of buildDemoScenario. */
export interface DemoScenarioOptions {
  /** "Now": tonight's studies are dated minutes before it (local time). */
  now: Date;
  seed?: string;
  /** Multiplies slice counts and mammography size (default 1; 0.25 for quick tests). */
  scale?: number;
}

const INSTITUTION: Record<ScenarioPacsId, string> = { PACS_NORD: 'CHU Nord', PACS_SUD: 'CH Sud' };

function bernard(): { nord: PatientDescriptor; sud: PatientDescriptor } {
  const ins = { PatientID: insWithKey('2660833063042'), IssuerOfPatientID: INS_ISSUER_OID, TypeOfPatientID: 'TEXT' };
  const base = { PatientName: 'BERNARD^Chantal', PatientBirthDate: '19660821', PatientSex: 'F' as const };
  return {
    nord: { ...base, PatientID: 'N0040004', IssuerOfPatientID: PACS_ISSUERS.PACS_NORD, OtherPatientIDsSequence: [ins] },
    sud: { ...base, PatientID: 'S0040044', IssuerOfPatientID: PACS_ISSUERS.PACS_SUD, OtherPatientIDsSequence: [ins] },
  };
}

/**
 * A night on call: ten studies across PACS_NORD and PACS_SUD (CT head, chest,
 * abdomen; MR brain with an enhanced multi-frame series; a screening
 * mammogram whose prior is on the other PACS; a CT head prior on the other
 * PACS), each with a clinical request and a RequestedProcedurePriority.
 */
export function buildDemoScenario(options: DemoScenarioOptions): { now: Date; studies: ScenarioStudy[] } {
  const seed = options.seed ?? 'garde-demo';
  const scale = options.scale ?? 1;
  const n = (count: number) => Math.max(4, Math.round(count * scale));
  const mgSize = (value: number) => Math.max(64, Math.round((value * Math.min(scale, 1)) / 16) * 16);
  const martin = samePersonOnBothPacs();
  const shared = samePatientIdDifferentPeople();
  const accents = accentedNames();
  const chantal = bernard();
  const studies: ScenarioStudy[] = [];
  let counter = 0;
  const add = (
    key: string,
    pacs: ScenarioPacsId,
    patient: PatientDescriptor,
    when: Date,
    StudyDescription: string,
    request: ClinicalRequest,
    ModalitiesInStudy: string[],
    make: (study: StudyDescriptor) => GeneratedInstance[],
    extra: { isPrior?: boolean; loadVia?: 'stow' | 'c-store' } = {},
  ): void => {
    counter += 1;
    const study: StudyDescriptor = {
      StudyInstanceUID: makeUid(seed, 'study', key),
      StudyDate: toDicomDate(when),
      StudyTime: toDicomTime(when),
      AccessionNumber: `${pacs === 'PACS_NORD' ? 'N' : 'S'}${String(24000 + counter)}`,
      StudyID: String(counter),
      StudyDescription,
      ReferringPhysicianName: 'URGENCES^Service',
      InstitutionName: INSTITUTION[pacs],
      request: { ...request, InstitutionName: INSTITUTION[pacs] },
    };
    studies.push({ key, pacs, patient, study, ModalitiesInStudy, isPrior: extra.isPrior ?? false, loadVia: extra.loadVia ?? 'stow', generate: () => make(study) });
  };
  const ct = (slices: number, fov: number, thickness: number, body: string) => (patient: PatientDescriptor) => (study: StudyDescriptor) =>
    generateCtPhantom({ seed, patient, study, Rows: 256, Columns: 256, slices: n(slices), fieldOfViewMm: fov, SliceThickness: thickness, BodyPartExamined: body, SeriesDescription: `${body} axial` }).instances;
  const req = (ReasonForTheRequestedProcedure: string, RequestedProcedureDescription: string, RequestedProcedurePriority: ClinicalRequest['RequestedProcedurePriority'], AdditionalPatientHistory: string): ClinicalRequest => ({
    ReasonForTheRequestedProcedure,
    RequestedProcedureDescription,
    RequestedProcedurePriority,
    AdditionalPatientHistory,
    RequestingPhysician: 'URGENTISTE^Claire',
  });
  const now = options.now;

  add('ct-head-martin', 'PACS_NORD', martin.nord, addMinutes(now, -25), 'CT HEAD WITHOUT CONTRAST', req('Céphalées brutales, suspicion d\'hémorragie méningée', 'Scanner cérébral sans injection', 'STAT', 'Céphalée en coup de tonnerre à 21 h'), ['CT'], ct(40, 240, 4, 'HEAD')(martin.nord));
  add('ct-head-martin-prior', 'PACS_SUD', martin.sud, addYears(addMinutes(now, -25), -1), 'CT HEAD WITHOUT CONTRAST', req('Migraine inhabituelle', 'Scanner cérébral sans injection', 'ROUTINE', 'Migraines depuis 10 ans'), ['CT'], ct(32, 240, 5, 'HEAD')(martin.sud), { isPrior: true, loadVia: 'c-store' });
  add('ct-chest-lefevre', 'PACS_NORD', accents.latin1, addMinutes(now, -40), 'CT CHEST ANGIOGRAPHY', req('Dyspnée aiguë, suspicion d\'embolie pulmonaire', 'Angioscanner thoracique', 'HIGH', 'D-dimères élevés, post-opératoire J5'), ['CT'], ct(64, 360, 5, 'CHEST')(accents.latin1));
  add('ct-abdomen-nguyen', 'PACS_NORD', shared.nord, addMinutes(now, -70), 'CT ABDOMEN PELVIS WITH CONTRAST', req('Douleur fosse iliaque droite, appendicite ?', 'Scanner abdomino-pelvien injecté', 'STAT', 'Fièvre 38,9 °C, CRP 120'), ['CT'], ct(64, 380, 5, 'ABDOMEN')(shared.nord));
  add('mr-brain-durand', 'PACS_SUD', shared.sud, addMinutes(now, -95), 'MR BRAIN STROKE PROTOCOL', req('Déficit moteur droit brutal, AVC ?', 'IRM cérébrale protocole AVC', 'HIGH', 'Début des symptômes à 22 h 10'), ['MR'], (study) => [
    ...generateMrSeries({ seed, patient: shared.sud, study, weighting: 'T1', slices: n(20) }).instances,
    ...generateMrSeries({ seed, patient: shared.sud, study, weighting: 'T2', slices: n(20) }).instances,
    generateEnhancedMr({ seed, patient: shared.sud, study, frames: n(24) }).instance,
  ]);
  add('ct-abdomen-garcia', 'PACS_SUD', accents.utf8, addMinutes(now, -130), 'CT ABDOMEN WITHOUT CONTRAST', req('Colique néphrétique gauche', 'Scanner abdominal sans injection', 'ROUTINE', 'Antécédent de lithiase'), ['CT'], ct(48, 380, 5, 'ABDOMEN')(accents.utf8));
  add('mg-screening-bernard', 'PACS_SUD', chantal.sud, addMinutes(now, -180), 'MAMMOGRAPHY SCREENING BILATERAL', req('Dépistage organisé, seconde lecture', 'Mammographie bilatérale de dépistage', 'LOW', 'Pas d\'antécédent familial'), ['MG'], (study) =>
    generateMammographyStudy({ seed, patient: chantal.sud, study, Rows: mgSize(2048), Columns: mgSize(1664) }).instances);
  add('mg-screening-bernard-prior', 'PACS_NORD', chantal.nord, addYears(addMinutes(now, -180), -2), 'MAMMOGRAPHY SCREENING BILATERAL', req('Dépistage organisé', 'Mammographie bilatérale de dépistage', 'LOW', 'Pas d\'antécédent familial'), ['MG'], (study) =>
    generateMammographyStudy({ seed, patient: chantal.nord, study, Rows: mgSize(2048), Columns: mgSize(1664), lesionRadiusFraction: 0.01 }).instances, { isPrior: true });
  const petit: PatientDescriptor = { PatientName: 'PETIT^Lucas', PatientID: 'N0050005', IssuerOfPatientID: PACS_ISSUERS.PACS_NORD, PatientBirthDate: '20010311', PatientSex: 'M' };
  add('ct-chest-petit', 'PACS_NORD', petit, addMinutes(now, -210), 'CT CHEST WITHOUT CONTRAST', req('Traumatisme thoracique, accident de la route', 'Scanner thoracique', 'MEDIUM', 'Douleur basithoracique gauche'), ['CT'], ct(48, 360, 5, 'CHEST')(petit));
  const roux: PatientDescriptor = { PatientName: 'ROUX^Margaux', PatientID: 'S0060006', IssuerOfPatientID: PACS_ISSUERS.PACS_SUD, PatientBirthDate: '19930604', PatientSex: 'F' };
  add('ct-head-roux', 'PACS_SUD', roux, addMinutes(now, -15), 'CT HEAD WITHOUT CONTRAST', req('Traumatisme crânien sous anticoagulant', 'Scanner cérébral sans injection', 'HIGH', 'Chute à domicile, AVK'), ['CT'], ct(40, 240, 4, 'HEAD')(roux), { loadVia: 'c-store' });
  return { now, studies };
}
