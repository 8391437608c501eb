import type { StudySummary } from '../../../app/dicom/studySummary';
import { reportObjects, signReport, type PdfLabels, type ReaderIdentity, type ReportDraft, type ReportMeasurement, type ReportStudy, type SignRefusal } from '../../../app/report';
import { addOutboxItem, listOutbox, type Cache } from '../../cache';

/** The study as a report writes it (patient and study as the node identifies them). */
export function reportStudyOf(study: StudySummary): ReportStudy {
  const keys = ['PatientName', 'PatientID', 'IssuerOfPatientID', 'PatientBirthDate', 'PatientSex', 'StudyDate', 'StudyTime', 'AccessionNumber', 'ReferringPhysicianName', 'StudyDescription'] as const;
  const out: ReportStudy = { StudyInstanceUID: study.StudyInstanceUID };
  for (const key of keys) if (study[key]) out[key] = study[key];
  return out;
}

/**
 * Signs the draft and queues its objects (SR, KOS, PDF) in the outbox for the study's node, then
 * returns the signed draft for the caller to save. The objects are queued before the draft is
 * saved, and a version always has the same instance UIDs: signing again after a crash in between
 * finds the items already queued and adds none.
 */
export async function signAndQueue(
  cache: Cache,
  draft: ReportDraft,
  input: { study: StudySummary; reader: ReaderIdentity; measurements: ReportMeasurement[]; labels: PdfLabels; software: { name: string; version: string } },
): Promise<{ draft: ReportDraft } | { refused: SignRefusal }> {
  const result = signReport(draft, { study: reportStudyOf(input.study), reader: input.reader, measurements: input.measurements, now: Date.now(), software: input.software });
  if ('refused' in result) return result;
  const objects = await reportObjects(result.signed, input.labels);
  const { nodeId, StudyInstanceUID } = input.study;
  const queued = new Set((await listOutbox(cache)).filter((o) => o.nodeId === nodeId).map((o) => o.SOPInstanceUID));
  for (const o of objects) {
    if (!queued.has(o.SOPInstanceUID)) await addOutboxItem(cache, { nodeId, StudyInstanceUID, SOPInstanceUID: o.SOPInstanceUID, SOPClassUID: o.SOPClassUID, bytes: o.bytes });
  }
  return { draft: result.draft };
}
