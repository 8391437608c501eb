import type { StudySummary } from '../dicom/studySummary';

/**
 * What a report is made of, as the reader's state keeps it and as app/report turns it into DICOM
 * objects (SR, KOS, encapsulated PDF). Names are DICOM keywords where DICOM has one.
 */

/** The professional who signs: shown before signing, written as the verifying observer (PS3.3 C.17.2). */
export interface ReaderIdentity {
  familyName: string;
  givenName: string;
  /** Professional identifier: in France the 11-digit RPPS number. */
  professionalId: string;
  /** e.g. "Radiologue", "Radiologist". */
  role: string;
  institution: string;
}

/** The patient and study a report answers, as the node the study came from identifies them. */
export type ReportStudy = Pick<StudySummary, 'StudyInstanceUID'> &
  Partial<Pick<StudySummary, 'PatientName' | 'PatientID' | 'IssuerOfPatientID' | 'PatientBirthDate' | 'PatientSex' | 'StudyDate' | 'StudyTime' | 'AccessionNumber' | 'ReferringPhysicianName' | 'StudyDescription'>> & { StudyID?: string };

/** The report's text, one entry per heading of TID 2000 (PS3.16). */
export interface ReportSections {
  indication: string;
  technique: string;
  findings: string;
  conclusion: string;
}

/** Language of a report's text (PS3.16 CID 5000, RFC 5646). */
export type ReportLanguage = 'fr' | 'en';

/** One image the reader marked as key image (a frame of a multi-frame image when `frame` is set). */
export interface KeyImageRef {
  SeriesInstanceUID: string;
  SOPInstanceUID: string;
  SOPClassUID: string;
  /** 1-based frame number of a multi-frame instance. */
  frame?: number;
}

/** One figure of a measurement as a report quotes it. */
export interface ReportMeasurement {
  /** Which figure: length, area, mean, stdDev, min, max, angle or value (a probe's HU). */
  kind: string;
  /** How the reader sees it, e.g. "Length 12.3 mm". */
  label: string;
  value: number;
  /** UCUM unit (PS3.16 CID 7181): mm, mm2, [hnsf'U], deg... */
  unit: string;
  image: KeyImageRef;
}

/** The UIDs of one object Garde writes (fixed per report version, so a resend is harmless). */
export interface ObjectUids {
  SeriesInstanceUID: string;
  SOPInstanceUID: string;
}

/** An earlier object this version replaces (PredecessorDocumentsSequence, PS3.3 C.17.2.3). */
export interface PredecessorRef {
  SeriesInstanceUID: string;
  SOPInstanceUID: string;
  SOPClassUID: string;
}

/** A report version as signed: everything its DICOM objects are built from. */
export interface SignedReport {
  study: ReportStudy;
  reader: ReaderIdentity;
  language: ReportLanguage;
  /** Document title shown by PACS (the template's name). */
  title: string;
  sections: ReportSections;
  keyImages: KeyImageRef[];
  measurements: ReportMeasurement[];
  /** 1 for the first signature, then one more per amendment. */
  version: number;
  signedAt: Date;
  uids: { sr: ObjectUids; kos: ObjectUids; pdf: ObjectUids; tid1500: ObjectUids };
  /** The SR of the version this one amends. */
  predecessor?: PredecessorRef;
  /** Manufacturer's model and software version written in the equipment module. */
  software: { name: string; version: string };
}
