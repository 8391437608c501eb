import { dicomDate, dicomTime, timezoneOffset } from './dicomDateTime';
import type { KeyImageRef, ObjectUids, SignedReport } from './reportTypes';

/**
 * The modules every object Garde writes shares, as a dcmjs naturalized dataset: SOP Common
 * (PS3.3 C.12.1, UTF-8), Patient (C.7.1.1) and General Study (C.7.2.1) copied from the study as its
 * node identifies it, a series of its own (C.7.3.1) and General Equipment (C.7.5.1).
 */
export function documentHeader(report: Pick<SignedReport, 'study' | 'signedAt' | 'reader' | 'software' | 'version'>, sop: { SOPClassUID: string; Modality: string; SeriesDescription: string; SeriesNumber: number }, uids: ObjectUids): Record<string, unknown> {
  const { study, signedAt } = report;
  return {
    SpecificCharacterSet: 'ISO_IR 192',
    SOPClassUID: sop.SOPClassUID,
    SOPInstanceUID: uids.SOPInstanceUID,
    InstanceCreationDate: dicomDate(signedAt),
    InstanceCreationTime: dicomTime(signedAt),
    TimezoneOffsetFromUTC: timezoneOffset(signedAt),
    PatientName: study.PatientName ?? '',
    PatientID: study.PatientID ?? '',
    ...(study.IssuerOfPatientID ? { IssuerOfPatientID: study.IssuerOfPatientID } : {}),
    PatientBirthDate: study.PatientBirthDate ?? '',
    PatientSex: study.PatientSex ?? '',
    StudyInstanceUID: study.StudyInstanceUID,
    StudyDate: study.StudyDate ?? '',
    StudyTime: study.StudyTime ?? '',
    ReferringPhysicianName: study.ReferringPhysicianName ?? '',
    StudyID: study.StudyID ?? '',
    AccessionNumber: study.AccessionNumber ?? '',
    ...(study.StudyDescription ? { StudyDescription: study.StudyDescription } : {}),
    Modality: sop.Modality,
    SeriesInstanceUID: uids.SeriesInstanceUID,
    SeriesNumber: sop.SeriesNumber,
    SeriesDescription: sop.SeriesDescription,
    SeriesDate: dicomDate(signedAt),
    SeriesTime: dicomTime(signedAt),
    Manufacturer: 'Garde',
    ManufacturerModelName: report.software.name,
    SoftwareVersions: report.software.version,
    InstitutionName: report.reader.institution,
    InstanceNumber: report.version,
    ContentDate: dicomDate(signedAt),
    ContentTime: dicomTime(signedAt),
  };
}

/**
 * The instances an object references, by series (Hierarchical SOP Instance Reference Macro,
 * PS3.3 C.17.2.1): the value of CurrentRequestedProcedureEvidenceSequence.
 */
export function evidenceOf(StudyInstanceUID: string, images: readonly KeyImageRef[]): Record<string, unknown>[] {
  if (images.length === 0) return [];
  const bySeries = new Map<string, Map<string, string>>();
  for (const image of images) {
    const series = bySeries.get(image.SeriesInstanceUID) ?? new Map<string, string>();
    series.set(image.SOPInstanceUID, image.SOPClassUID);
    bySeries.set(image.SeriesInstanceUID, series);
  }
  const ReferencedSeriesSequence = [...bySeries].map(([SeriesInstanceUID, sops]) => ({
    SeriesInstanceUID,
    ReferencedSOPSequence: [...sops].map(([ReferencedSOPInstanceUID, ReferencedSOPClassUID]) => ({ ReferencedSOPClassUID, ReferencedSOPInstanceUID })),
  }));
  return [{ StudyInstanceUID, ReferencedSeriesSequence }];
}
