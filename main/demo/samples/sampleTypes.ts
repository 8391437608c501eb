/** Patient identity of generated studies (PS3.3 C.7.1.1 Patient Module). */
export interface PatientDescriptor {
  PatientName: string;
  PatientID: string;
  /** IssuerOfPatientID (0010,0021): the assigning authority of PatientID. */
  IssuerOfPatientID?: string;
  PatientBirthDate: string;
  PatientSex: 'M' | 'F' | 'O';
  /** Other identifiers, e.g. the French INS (PS3.3 C.7.1.1, Other Patient IDs Sequence). */
  OtherPatientIDsSequence?: Array<{ PatientID: string; IssuerOfPatientID: string; TypeOfPatientID: string }>;
  /** SpecificCharacterSet (0008,0005) of the datasets: ISO_IR 100 (Latin-1) or ISO_IR 192 (UTF-8). */
  SpecificCharacterSet?: 'ISO_IR 100' | 'ISO_IR 192';
}

/** RequestedProcedurePriority (0040,1003) values (PS3.3 C.4.11). */
export type RequestedProcedurePriority = 'STAT' | 'HIGH' | 'ROUTINE' | 'MEDIUM' | 'LOW';

/** The clinical request attached to a study (PS3.3 C.7.2.1 / C.4.11 / C.7.2.2). */
export interface ClinicalRequest {
  AdditionalPatientHistory?: string;
  ReasonForTheRequestedProcedure: string;
  RequestedProcedureDescription: string;
  RequestingPhysician: string;
  RequestedProcedurePriority: RequestedProcedurePriority;
  RequestedProcedureID?: string;
  InstitutionName?: string;
}

/** General Study attributes (PS3.3 C.7.2.1) of a generated study. */
export interface StudyDescriptor {
  StudyInstanceUID: string;
  StudyDate: string;
  StudyTime: string;
  AccessionNumber: string;
  StudyID: string;
  StudyDescription: string;
  ReferringPhysicianName?: string;
  InstitutionName?: string;
  request?: ClinicalRequest;
}

/** One generated Part 10 file. */
export interface GeneratedInstance {
  fileName: string;
  buffer: ArrayBuffer;
  StudyInstanceUID: string;
  SeriesInstanceUID: string;
  SOPInstanceUID: string;
  SOPClassUID: string;
}
