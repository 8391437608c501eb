import type { KeyImageRef, ObjectUids, ReaderIdentity, ReportStudy } from '../report/reportTypes';

/**
 * What a screening read is made of (organised breast screening, double reading): per breast an
 * assessment, a composition and a recall decision, findings marked on the images, a comment; the
 * reader and the role they read in. Names follow DICOM (PS3.16 TID 4200) where it has one.
 */

/** The two breasts, by DICOM Image Laterality (PS3.3 C.8.11.7 / C.7.6.2): R or L. */
export type Breast = 'R' | 'L';
export const BREASTS: readonly Breast[] = ['R', 'L'];

/** BI-RADS assessment category 0–6 (PS3.16 CID 6026/6027). */
export type Assessment = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export const ASSESSMENTS: readonly Assessment[] = [0, 1, 2, 3, 4, 5, 6];

/** ACR breast composition a–d (PS3.16 CID 6000). */
export type Density = 'a' | 'b' | 'c' | 'd';
export const DENSITIES: readonly Density[] = ['a', 'b', 'c', 'd'];

/** The kinds of finding a screening reader marks (PS3.16 CID 6054). */
export type FindingKind = 'mass' | 'calcifications' | 'distortion' | 'asymmetry';
export const FINDING_KINDS: readonly FindingKind[] = ['mass', 'calcifications', 'distortion', 'asymmetry'];

/** The role a read is given in (first, second, or the arbitration of a discordant case). */
export type ReadRole = 'first' | 'second' | 'arbitration';

/** One breast's opinion. */
export interface BreastRead {
  assessment: Assessment;
  /** Composition, when the reader gave it (optional in TID 4200; a normal case is one key). */
  density?: Density;
  recall: boolean;
}

/** A finding marked on one view: its kind, breast, view code (CC, MLO…), image and point on it (column, row). */
export interface ScreeningFinding {
  kind: FindingKind;
  laterality: Breast;
  /** ACR MQCM view abbreviation as in the hanging (CC, MLO, ML, LM, XCCL…). */
  view: string;
  image: KeyImageRef;
  /** Image coordinates (column, row) of the mark, PS3.3 C.18.6.1.1 convention. */
  point: [number, number];
}

/** A read as the reader gives it. */
export interface ReadForm {
  breasts: Record<Breast, BreastRead>;
  findings: ScreeningFinding[];
  comment: string;
}

/** A read as submitted: the form, who gave it, in which role, when, about which study. */
export interface SubmittedRead extends ReadForm {
  role: ReadRole;
  reader: ReaderIdentity;
  submittedAt: Date;
  study: ReportStudy;
}

/** A submitted read ready to write: its UIDs and the software that writes it. */
export interface ReadToWrite extends SubmittedRead {
  uids: ObjectUids;
  software: { name: string; version: string };
}
