import { getPersonName, getString, personNameText, type DicomJsonDataset } from '../../../app/dicomweb';
import { foldPersonName, foldedNameText, normaliseBirthDate, patientKey } from '../../../app/identity';

/** The patient a viewport shows, read from the instance on screen (PS3.3 C.7.1.1 Patient Module). */
export interface DisplayedPatient {
  nodeId: string;
  PatientID?: string;
  IssuerOfPatientID?: string;
  PatientName?: string;
  PatientBirthDate?: string;
}

/** The patient attributes of an instance's metadata, as received. */
export function patientOfInstance(nodeId: string, instance: DicomJsonDataset): DisplayedPatient {
  const value = (tag: string) => (tag === '00100010' ? personNameText(getPersonName(instance, tag)) : getString(instance, tag))?.trim() || undefined;
  const patient: DisplayedPatient = { nodeId };
  const fields: Array<[keyof Omit<DisplayedPatient, 'nodeId'>, string]> = [
    ['PatientID', '00100020'],
    ['IssuerOfPatientID', '00100021'],
    ['PatientName', '00100010'],
    ['PatientBirthDate', '00100030'],
  ];
  for (const [keyword, tag] of fields) {
    const v = value(tag);
    if (v !== undefined) patient[keyword] = v;
  }
  return patient;
}

/**
 * What must be equal for two viewports to show one patient: PatientID within its issuer (the node
 * standing in for a missing IssuerOfPatientID, see patientKey), the name folded for case and
 * accents, and the birth date. A probable identity (same person by name and birth date under two
 * identifiers) is not equal: the reader must be told.
 */
export function patientIdentityText(patient: DisplayedPatient): string {
  const name = foldPersonName(patient.PatientName);
  return [patientKey(patient)?.text ?? '', name ? foldedNameText(name) : '', normaliseBirthDate(patient.PatientBirthDate) ?? ''].join('\n');
}

/** The distinct patients among those shown, in order of first appearance (one entry per identity). */
export function distinctPatients(patients: readonly DisplayedPatient[]): DisplayedPatient[] {
  const seen = new Map<string, DisplayedPatient>();
  for (const patient of patients) {
    const text = patientIdentityText(patient);
    if (!seen.has(text)) seen.set(text, patient);
  }
  return [...seen.values()];
}
