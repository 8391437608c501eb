import type { StudySummary } from '../../../app/dicom/studySummary';
import { reportObjects, signReport, type ObjectUids, type PdfLabels, type ReaderIdentity, type ReportDraft, type ReportMeasurement, type ReportStudy, type SignRefusal } from '../../../app/report';
import { readPart10Dataset } from '../../../app/dicom/part10Dataset';
import { addOutboxItems, listOutbox, type Cache } from '../../cache';

/** The SOP Class of Part 10 bytes (the adapter picks Comprehensive or Comprehensive 3D SR). */
function sopClassOf(bytes: Uint8Array): string {
  return readPart10Dataset(bytes).dataset['00080016']?.Value?.[0] as string;
}

/** The study as a report writes it (patient and study as the node identifies them). */
export function reportStudyOf(study: StudySummary): ReportStudy {
  const keys = ['PatientName', 'PatientID', 'IssuerOfPatientID', 'PatientBirthDate', 'PatientSex', 'StudyDate', 'StudyTime', 'AccessionNumber', 'ReferringPhysicianName', 'StudyDescription'] as const;
  const out: ReportStudy = { StudyInstanceUID: study.StudyInstanceUID };
  for (const key of keys) if (study[key]) out[key] = study[key];
  return out;
}

/**
 * Signs the draft and queues its objects (SR, KOS, PDF, TID 1500 measurement report) in the outbox for the study's node, then
 * returns the signed draft for the caller to save. The objects are queued before the draft is
 * saved, and a version always has the same instance UIDs: signing again after a crash in between
 * finds the items already queued and adds none.
 */
export async function signAndQueue(
  cache: Cache,
  draft: ReportDraft,
  input: {
    study: StudySummary;
    reader: ReaderIdentity;
    measurements: ReportMeasurement[];
    labels: PdfLabels;
    software: { name: string; version: string };
    /** The TID 1500 measurement report of the study's measurements with these UIDs (none without measurements). */
    measurementReport: (signed: { uids: ObjectUids; version: number; signedAt: Date; reader: ReaderIdentity; study: ReportStudy }) => Uint8Array<ArrayBuffer> | undefined;
  },
): Promise<{ draft: ReportDraft } | { refused: SignRefusal }> {
  performance.mark('garde:report:sign');
  const result = signReport(draft, { study: reportStudyOf(input.study), reader: input.reader, measurements: input.measurements, now: Date.now(), software: input.software });
  if ('refused' in result) return result;
  const objects = await reportObjects(result.signed, input.labels);
  performance.mark('garde:report:built');
  const { signed } = result;
  const tid1500 = signed.uids.tid1500;
  const measured = input.measurementReport({ uids: tid1500, version: signed.version, signedAt: signed.signedAt, reader: signed.reader, study: signed.study });
  if (measured) objects.push({ SOPClassUID: sopClassOf(measured), SOPInstanceUID: tid1500.SOPInstanceUID, bytes: measured });
  performance.mark('garde:report:measurements');
  const { nodeId, StudyInstanceUID } = input.study;
  const queued = new Set((await listOutbox(cache)).filter((o) => o.nodeId === nodeId).map((o) => o.SOPInstanceUID));
  const fresh = objects.filter((o) => !queued.has(o.SOPInstanceUID));
  await addOutboxItems(cache, fresh.map((o) => ({ nodeId, StudyInstanceUID, SOPInstanceUID: o.SOPInstanceUID, SOPClassUID: o.SOPClassUID, bytes: o.bytes })));
  // User Timing marks: where signing spends its time shows in a profile (and in `npm run bench`).
  performance.mark('garde:report:queued');
  return { draft: result.draft };
}
