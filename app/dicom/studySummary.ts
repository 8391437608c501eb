import { getPersonName, getSequence, getString, getStrings, getNumber, personNameText, type DicomJsonDataset } from '../dicomweb';

/** RequestedProcedurePriority (0040,1003), PS3.3 C.4.11: most urgent first. */
export const PRIORITY_ORDER = ['STAT', 'HIGH', 'MEDIUM', 'ROUTINE', 'LOW'] as const;
export type Priority = (typeof PRIORITY_ORDER)[number];

/**
 * One study of the worklist as a node reported it (QIDO-RS study level, PS3.18 10.6.3.3.1):
 * patient as that node identifies them (PatientID within IssuerOfPatientID), the study, and the
 * clinical request. Never merged across nodes here.
 */
export interface StudySummary {
  nodeId: string;
  StudyInstanceUID: string;
  PatientName?: string;
  PatientID?: string;
  IssuerOfPatientID?: string;
  PatientBirthDate?: string;
  PatientSex?: string;
  StudyDate?: string;
  StudyTime?: string;
  AccessionNumber?: string;
  StudyDescription?: string;
  ModalitiesInStudy: string[];
  NumberOfStudyRelatedInstances?: number;
  InstitutionName?: string;
  ReferringPhysicianName?: string;
  RequestingPhysician?: string;
  AdditionalPatientHistory?: string;
  ReasonForTheRequestedProcedure?: string;
  RequestedProcedureDescription?: string;
  RequestedProcedurePriority?: Priority;
  /** Other identifiers of the patient, e.g. the national INS (OtherPatientIDsSequence). */
  OtherPatientIDs: { PatientID: string; IssuerOfPatientID?: string }[];
}

/** Attributes a worklist asks for beyond QIDO's defaults (includefield). */
export const WORKLIST_INCLUDE_FIELDS = [
  'IssuerOfPatientID',
  'PatientBirthDate',
  'PatientSex',
  'StudyDescription',
  'InstitutionName',
  'RequestingPhysician',
  'AdditionalPatientHistory',
  'ReasonForTheRequestedProcedure',
  'RequestedProcedureDescription',
  'RequestedProcedurePriority',
  'RequestAttributesSequence',
  'OtherPatientIDsSequence',
  'NumberOfStudyRelatedInstances',
] as const;

/** Reads a QIDO-RS study result into a {@link StudySummary}; undefined without a StudyInstanceUID. */
export function studySummaryFromJson(nodeId: string, d: DicomJsonDataset): StudySummary | undefined {
  const StudyInstanceUID = getString(d, '0020000D');
  if (!StudyInstanceUID) return undefined;
  const request = getSequence(d, '00400275')[0];
  const pick = (tag: string) => getString(d, tag) ?? (request ? getString(request, tag) : undefined);
  const priority = pick('00401003')?.toUpperCase();
  const text = (tag: string) => personNameText(getPersonName(d, tag)) ?? (request ? personNameText(getPersonName(request, tag)) : undefined);
  const summary: StudySummary = {
    nodeId,
    StudyInstanceUID,
    PatientName: personNameText(getPersonName(d, '00100010')),
    PatientID: getString(d, '00100020'),
    IssuerOfPatientID: getString(d, '00100021'),
    PatientBirthDate: getString(d, '00100030'),
    PatientSex: getString(d, '00100040'),
    StudyDate: getString(d, '00080020'),
    StudyTime: getString(d, '00080030'),
    AccessionNumber: getString(d, '00080050'),
    StudyDescription: getString(d, '00081030'),
    ModalitiesInStudy: getStrings(d, '00080061'),
    NumberOfStudyRelatedInstances: getNumber(d, '00201208'),
    InstitutionName: getString(d, '00080080'),
    ReferringPhysicianName: personNameText(getPersonName(d, '00080090')),
    RequestingPhysician: text('00321032'),
    AdditionalPatientHistory: pick('001021B0'),
    ReasonForTheRequestedProcedure: pick('00401002'),
    RequestedProcedureDescription: pick('00321060'),
    RequestedProcedurePriority: (PRIORITY_ORDER as readonly string[]).includes(priority ?? '') ? (priority as Priority) : undefined,
    OtherPatientIDs: getSequence(d, '00101002').flatMap((item) => {
      const id = getString(item, '00100020');
      const issuer = getString(item, '00100021');
      return id ? [{ PatientID: id, ...(issuer ? { IssuerOfPatientID: issuer } : {}) }] : [];
    }),
  };
  return summary;
}

/** Worklist order: most urgent first (unknown urgency as ROUTINE), then the longest waiting first. */
export function compareWorklist(a: StudySummary, b: StudySummary): number {
  const rank = (s: StudySummary) => PRIORITY_ORDER.indexOf(s.RequestedProcedurePriority ?? 'ROUTINE');
  return rank(a) - rank(b) || `${a.StudyDate ?? ''}${a.StudyTime ?? ''}`.localeCompare(`${b.StudyDate ?? ''}${b.StudyTime ?? ''}`);
}

/**
 * `summary` with its patient as an instance of the study describes it (Patient Module, PS3.3
 * C.7.1.1): a node's QIDO-RS answer may leave out attributes it was asked for (Orthanc answers
 * neither IssuerOfPatientID nor OtherPatientIDsSequence at study level), its instance metadata
 * (WADO-RS, PS3.18 10.4) has them. An attribute the instance lacks keeps the summary's value.
 */
export function withPatientOfInstance(summary: StudySummary, instance: DicomJsonDataset): StudySummary {
  const read = studySummaryFromJson(summary.nodeId, { ...instance, '0020000D': { vr: 'UI', Value: [summary.StudyInstanceUID] } })!;
  return {
    ...summary,
    PatientName: read.PatientName ?? summary.PatientName,
    PatientID: read.PatientID ?? summary.PatientID,
    IssuerOfPatientID: read.IssuerOfPatientID ?? summary.IssuerOfPatientID,
    PatientBirthDate: read.PatientBirthDate ?? summary.PatientBirthDate,
    PatientSex: read.PatientSex ?? summary.PatientSex,
    OtherPatientIDs: read.OtherPatientIDs.length > 0 ? read.OtherPatientIDs : summary.OtherPatientIDs,
  };
}
