import type { PatientDescriptor, StudyDescriptor } from '../../../main/demo/samples';

/** A plain patient for generator tests. */
export const PATIENT: PatientDescriptor = { PatientName: 'TEST^Patient', PatientID: 'T1', PatientBirthDate: '19800101', PatientSex: 'F' };

/** A study with a clinical request for generator tests. */
export const STUDY: StudyDescriptor = {
  StudyInstanceUID: '2.25.123456789',
  StudyDate: '20260314',
  StudyTime: '231500',
  AccessionNumber: 'ACC1',
  StudyID: '1',
  StudyDescription: 'TEST',
  InstitutionName: 'CHU Test',
  request: {
    ReasonForTheRequestedProcedure: 'Douleur thoracique',
    RequestedProcedureDescription: 'Scanner thoracique',
    RequestingPhysician: 'URGENTISTE^Claire',
    RequestedProcedurePriority: 'STAT',
    AdditionalPatientHistory: 'Tabagisme',
  },
};

/** A valid DICOM UID (PS3.5 9.1): digits and dots, no leading zero, at most 64 characters. */
export const UID_PATTERN = /^(0|[1-9]\d*)(\.(0|[1-9]\d*))+$/;
