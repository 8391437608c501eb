import type { StudySummary } from '../../../app/dicom/studySummary';
import type { PatientDescriptor } from '../../../main/demo/samples';

let counter = 0;

/** A worklist study summary for a testbed patient on one node. */
export function summaryOf(nodeId: string, patient: PatientDescriptor, extra: Partial<StudySummary> = {}): StudySummary {
  counter += 1;
  return {
    nodeId,
    StudyInstanceUID: `1.2.826.0.1.3680043.10.999.${counter}`,
    PatientName: patient.PatientName,
    PatientID: patient.PatientID,
    IssuerOfPatientID: patient.IssuerOfPatientID,
    PatientBirthDate: patient.PatientBirthDate,
    PatientSex: patient.PatientSex,
    ModalitiesInStudy: ['CT'],
    OtherPatientIDs: (patient.OtherPatientIDsSequence ?? []).map(({ PatientID, IssuerOfPatientID }) => ({ PatientID, IssuerOfPatientID })),
    ...extra,
  };
}
