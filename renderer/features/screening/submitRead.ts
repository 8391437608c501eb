import type { StudySummary } from '../../../app/dicom/studySummary';
import type { ReaderIdentity } from '../../../app/report';
import { uidFromUuid } from '../../../app/report';
import { buildScreeningReadSr, COMPREHENSIVE_SR, type ReadForm, type ReadRole } from '../../../app/screening';
import { addOutboxItems, listOutbox, type Cache } from '../../cache';
import { reportStudyOf } from '../report';

/**
 * Writes the reader's read of a case as a TID 4200 SR and queues it in the outbox for the study's
 * node (sent when the node answers, exactly once: the SR's UIDs are fixed by `readId`, and a read
 * already queued is not queued again). Returns the SOP Instance UID of the read.
 */
export async function submitRead(
  cache: Cache,
  input: { readId: string; study: StudySummary; role: ReadRole; reader: ReaderIdentity; form: ReadForm; software: { name: string; version: string } },
): Promise<string> {
  const root = uidFromUuid(input.readId);
  const uids = { SeriesInstanceUID: `${root}.1`, SOPInstanceUID: `${root}.1.1` };
  const bytes = buildScreeningReadSr({ ...input.form, role: input.role, reader: input.reader, submittedAt: new Date(), study: reportStudyOf(input.study), uids, software: input.software });
  const { nodeId, StudyInstanceUID } = input.study;
  const queued = (await listOutbox(cache)).some((o) => o.nodeId === nodeId && o.SOPInstanceUID === uids.SOPInstanceUID);
  if (!queued) await addOutboxItems(cache, [{ nodeId, StudyInstanceUID, SOPInstanceUID: uids.SOPInstanceUID, SOPClassUID: COMPREHENSIVE_SR, bytes }]);
  return uids.SOPInstanceUID;
}
