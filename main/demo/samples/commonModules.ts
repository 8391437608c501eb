import { clinicalRequestAttributes } from './clinicalRequest';
import type { PatientDescriptor, StudyDescriptor } from './sampleTypes';
import type { Dataset } from './writePart10';

/** Patient Module (PS3.3 C.7.1.1) plus SpecificCharacterSet (C.12.1.1.2). */
export function patientModule(patient: PatientDescriptor): Dataset {
  const out: Dataset = {
    SpecificCharacterSet: patient.SpecificCharacterSet ?? 'ISO_IR 192',
    PatientName: patient.PatientName,
    PatientID: patient.PatientID,
    PatientBirthDate: patient.PatientBirthDate,
    PatientSex: patient.PatientSex,
  };
  if (patient.IssuerOfPatientID) out.IssuerOfPatientID = patient.IssuerOfPatientID;
  if (patient.OtherPatientIDsSequence) out.OtherPatientIDsSequence = patient.OtherPatientIDsSequence.map((item) => ({ ...item }));
  return out;
}

/** General Study Module (PS3.3 C.7.2.1) with the clinical request when present. */
export function studyModule(study: StudyDescriptor): Dataset {
  const out: Dataset = {
    StudyInstanceUID: study.StudyInstanceUID,
    StudyDate: study.StudyDate,
    StudyTime: study.StudyTime,
    AccessionNumber: study.AccessionNumber,
    StudyID: study.StudyID,
    StudyDescription: study.StudyDescription,
    ReferringPhysicianName: study.ReferringPhysicianName ?? '',
  };
  if (study.request) Object.assign(out, clinicalRequestAttributes(study.request, study.AccessionNumber));
  if (study.InstitutionName) out.InstitutionName = study.InstitutionName;
  return out;
}

/** General Series (C.7.3.1) and General Equipment (C.7.5.1) attributes. */
export function seriesModule(input: {
  Modality: string;
  SeriesInstanceUID: string;
  SeriesNumber: number;
  SeriesDescription: string;
  study: StudyDescriptor;
  BodyPartExamined?: string;
  Manufacturer?: string;
}): Dataset {
  return {
    Modality: input.Modality,
    SeriesInstanceUID: input.SeriesInstanceUID,
    SeriesNumber: input.SeriesNumber,
    SeriesDescription: input.SeriesDescription,
    SeriesDate: input.study.StudyDate,
    SeriesTime: input.study.StudyTime,
    BodyPartExamined: input.BodyPartExamined ?? '',
    Manufacturer: input.Manufacturer ?? 'Garde Samples',
    ManufacturerModelName: 'Synthetic',
    SoftwareVersions: '1',
  };
}

/** SOP Common Module (PS3.3 C.12.1) and Image/Content dates of General Image (C.7.6.1). */
export function sopCommon(SOPClassUID: string, SOPInstanceUID: string, study: StudyDescriptor, InstanceNumber: number): Dataset {
  return {
    SOPClassUID,
    SOPInstanceUID,
    InstanceNumber,
    ContentDate: study.StudyDate,
    ContentTime: study.StudyTime,
    AcquisitionDate: study.StudyDate,
    AcquisitionTime: study.StudyTime,
    InstanceCreationDate: study.StudyDate,
    InstanceCreationTime: study.StudyTime,
  };
}

/** Image Pixel Module (PS3.3 C.7.6.3) attributes of a monochrome 16-bit image. */
export function monochrome16(Rows: number, Columns: number, signed: boolean, BitsStored = 16): Dataset {
  return {
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows,
    Columns,
    BitsAllocated: 16,
    BitsStored,
    HighBit: BitsStored - 1,
    PixelRepresentation: signed ? 1 : 0,
  };
}
