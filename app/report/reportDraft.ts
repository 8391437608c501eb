import { ENHANCED_SR } from './sopClasses';
import type { KeyImageRef, ObjectUids, ReaderIdentity, ReportLanguage, ReportMeasurement, ReportSections, ReportStudy, SignedReport } from './reportTypes';

/** One signed version of a report: when, and the UIDs of its objects (fixed: a resend is the same instance). */
export interface SignedVersion {
  version: number;
  /** Milliseconds since the epoch. */
  signedAt: number;
  reader: ReaderIdentity;
  uids: { sr: ObjectUids; kos: ObjectUids; pdf: ObjectUids; tid1500: ObjectUids };
  /** What was signed (a signed version is never edited: an amendment is a new version). */
  title: string;
  sections: ReportSections;
  keyImages: KeyImageRef[];
}

/**
 * The reader's report on one study, as the encrypted cache keeps it: the text being written, the
 * key images, and the versions signed so far. `editing` is false right after a signature (the
 * text shown is the signed one, read-only) until the reader starts an amendment.
 */
export interface ReportDraft {
  templateId: string;
  language: ReportLanguage;
  title: string;
  sections: ReportSections;
  keyImages: KeyImageRef[];
  /** Series of the SR, KOS, PDF and measurement report, one of each per report (every version goes in the same series). */
  series: { sr: string; kos: string; pdf: string; tid1500: string };
  versions: SignedVersion[];
  editing: boolean;
  /** Milliseconds since the epoch of the last change. */
  updatedAt: number;
}

/** A new draft from a template's filled text; `newUid` makes 2.25 UIDs (PS3.5 B.2). */
export function newReportDraft(fields: Pick<ReportDraft, 'templateId' | 'language' | 'title' | 'sections'>, newUid: () => string, now: number): ReportDraft {
  return { ...fields, keyImages: [], series: { sr: newUid(), kos: newUid(), pdf: newUid(), tid1500: newUid() }, versions: [], editing: true, updatedAt: now };
}

const sameImage = (a: KeyImageRef, b: KeyImageRef) => a.SOPInstanceUID === b.SOPInstanceUID && (a.frame ?? 1) === (b.frame ?? 1);

/** The draft with `image` marked as key image, or unmarked when it was one. Unchanged when not editing. */
export function toggleKeyImage(draft: ReportDraft, image: KeyImageRef, now: number): ReportDraft {
  if (!draft.editing) return draft;
  const present = draft.keyImages.some((k) => sameImage(k, image));
  return { ...draft, keyImages: present ? draft.keyImages.filter((k) => !sameImage(k, image)) : [...draft.keyImages, image], updatedAt: now };
}

/** Whether `image` is one of the draft's key images. */
export function isKeyImage(draft: ReportDraft | undefined, image: KeyImageRef): boolean {
  return !!draft?.keyImages.some((k) => sameImage(k, image));
}

/** Starts an amendment of the last signed version: its text becomes editable again, to be signed as the next version. */
export function amendReport(draft: ReportDraft, now: number): ReportDraft {
  return draft.editing || draft.versions.length === 0 ? draft : { ...draft, editing: true, updatedAt: now };
}

/**
 * The UIDs of version `n` of one of the report's objects: its series, and an instance UID under the
 * series UID (a 2.25 UID Garde made, so the arcs below it are Garde's to give, PS3.5 B.1). The
 * same version always has the same instance: signing it again after a crash, or resending it,
 * stores the same instance, never a second copy.
 */
export function versionUids(SeriesInstanceUID: string, n: number): ObjectUids {
  return { SeriesInstanceUID, SOPInstanceUID: `${SeriesInstanceUID}.${n}` };
}

/** Why a draft cannot be signed. */
export type SignRefusal = 'notEditing' | 'empty';

/**
 * Signs the draft: a new version with the next instance UIDs in the report's series ({@link versionUids}), naming the
 * previous version's SR as predecessor. Returns the draft after signing and the {@link SignedReport}
 * the objects are built from, or why it cannot be signed.
 */
export function signReport(
  draft: ReportDraft,
  input: { study: ReportStudy; reader: ReaderIdentity; measurements: ReportMeasurement[]; now: number; software: SignedReport['software'] },
): { draft: ReportDraft; signed: SignedReport } | { refused: SignRefusal } {
  if (!draft.editing) return { refused: 'notEditing' };
  if (!draft.sections.findings.trim() && !draft.sections.conclusion.trim()) return { refused: 'empty' };
  const previous = draft.versions.at(-1);
  const n = (previous?.version ?? 0) + 1;
  const version: SignedVersion = {
    version: n,
    signedAt: input.now,
    reader: input.reader,
    uids: { sr: versionUids(draft.series.sr, n), kos: versionUids(draft.series.kos, n), pdf: versionUids(draft.series.pdf, n), tid1500: versionUids(draft.series.tid1500, n) },
    title: draft.title,
    sections: draft.sections,
    keyImages: draft.keyImages,
  };
  const signed: SignedReport = {
    study: input.study,
    reader: input.reader,
    language: draft.language,
    title: draft.title,
    sections: draft.sections,
    keyImages: draft.keyImages,
    measurements: input.measurements,
    version: version.version,
    signedAt: new Date(input.now),
    uids: version.uids,
    ...(previous ? { predecessor: { ...previous.uids.sr, SOPClassUID: ENHANCED_SR } } : {}),
    software: input.software,
  };
  return { draft: { ...draft, versions: [...draft.versions, version], editing: false, updatedAt: input.now }, signed };
}
