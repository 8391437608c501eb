import { retrieveUrl } from '../../app/dicomweb/parseDicomwebPath';
import type { DicomJsonDataset } from '../../app/dicomweb/dicomJson';

/** The outcome of storing one instance of a STOW-RS request (C-STORE, or a write to a folder). */
export interface StoreItem {
  SOPClassUID?: string;
  SOPInstanceUID?: string;
  StudyInstanceUID?: string;
  /** C-STORE status (PS3.4 B.2.3); 0xC000 when the part is not a DICOM file. */
  status: number;
  reason?: string;
}

/**
 * The STOW-RS Store Instances Response (PS3.18 10.5.3, Table 10.5.3-1) as DICOM JSON:
 * ReferencedSOPSequence for stored instances (with RetrieveURL), FailedSOPSequence with
 * FailureReason for the others. Warnings (0xB000-0xB0FF) count as stored.
 */
export function storeResponseJson(items: readonly StoreItem[], publicBase: string): DicomJsonDataset {
  const ui = (value?: string) => (value ? { vr: 'UI', Value: [value] } : { vr: 'UI' });
  const referenced: DicomJsonDataset[] = [];
  const failed: DicomJsonDataset[] = [];
  for (const item of items) {
    const base = { '00081150': ui(item.SOPClassUID), '00081155': ui(item.SOPInstanceUID) };
    if (item.status === 0 || (item.status & 0xff00) === 0xb000) {
      const url = item.StudyInstanceUID ? retrieveUrl(publicBase, { StudyInstanceUID: item.StudyInstanceUID }) : undefined;
      referenced.push({ ...base, ...(url ? { '00081190': { vr: 'UR', Value: [url] } } : {}) });
    } else {
      failed.push({ ...base, '00081197': { vr: 'US', Value: [item.status] } });
    }
  }
  const out: DicomJsonDataset = {};
  if (failed.length > 0) out['00081198'] = { vr: 'SQ', Value: failed };
  if (referenced.length > 0) out['00081199'] = { vr: 'SQ', Value: referenced };
  return out;
}
