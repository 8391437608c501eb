import type { StudySummary } from '../dicom/studySummary';
import { foldPersonName, type FoldedPersonName } from './normalisePersonName';
import { nationalIdentifiers, type NationalIdentifier } from './nationalIdentifiers';
import { patientKey, type PatientKey } from './patientKey';

/** The patient attributes of a study summary that identity comparison reads (PS3.3 C.7.1.1). */
export type PatientAttributes = Pick<
  StudySummary,
  'nodeId' | 'PatientID' | 'IssuerOfPatientID' | 'PatientName' | 'PatientBirthDate' | 'PatientSex' | 'OtherPatientIDs'
>;

/** What one record says about its patient, as values ready to compare and as received. */
export interface IdentityFacts {
  key: PatientKey | undefined;
  nationalIds: NationalIdentifier[];
  name: FoldedPersonName | undefined;
  /** PatientBirthDate (DA, YYYYMMDD; the old YYYY.MM.DD form read as digits), or undefined. */
  birthDate: string | undefined;
  /** PatientSex (M, F or O), upper case, or undefined. */
  sex: string | undefined;
  /** The values as the node sent them, for evidence shown to the reader. */
  received: Pick<PatientAttributes, 'PatientName' | 'PatientBirthDate' | 'PatientSex'>;
}

/** A DA value for comparison: digits only when that gives YYYYMMDD, else the trimmed text. */
export function normaliseBirthDate(value: string | undefined): string | undefined {
  const text = (value ?? '').trim();
  if (text === '') return undefined;
  const digits = text.replace(/\D/g, '');
  return digits.length === 8 ? digits : text;
}

/** Reads the {@link IdentityFacts} of a study summary. */
export function identityFacts(patient: PatientAttributes, nationalIssuers?: readonly string[]): IdentityFacts {
  const sex = (patient.PatientSex ?? '').trim().toUpperCase();
  return {
    key: patientKey(patient),
    nationalIds: nationalIdentifiers(patient, nationalIssuers),
    name: foldPersonName(patient.PatientName),
    birthDate: normaliseBirthDate(patient.PatientBirthDate),
    sex: sex === '' ? undefined : sex,
    received: { PatientName: patient.PatientName, PatientBirthDate: patient.PatientBirthDate, PatientSex: patient.PatientSex },
  };
}
