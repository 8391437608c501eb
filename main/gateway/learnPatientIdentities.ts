import { getString, isDicomJsonDataset } from '../../app/dicomweb';

/** A patient as one node identifies them: PatientID within IssuerOfPatientID (PS3.3 C.7.1.1). */
export interface PatientRef {
  PatientID: string;
  IssuerOfPatientID?: string;
}

/** Study Instance UID -> patient pairs found in a DICOM JSON answer (array or single dataset). */
export function learnPatientIdentities(json: unknown): [string, PatientRef][] {
  const out: [string, PatientRef][] = [];
  for (const item of Array.isArray(json) ? json : [json]) {
    if (!isDicomJsonDataset(item)) continue;
    const study = getString(item, '0020000D');
    const patientId = getString(item, '00100020');
    if (!study || patientId === undefined) continue;
    const issuer = getString(item, '00100021');
    out.push([study, { PatientID: patientId, ...(issuer ? { IssuerOfPatientID: issuer } : {}) }]);
  }
  return out;
}
