import { retrieveUrl } from '../../app/dicomweb/parseDicomwebPath';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DimseNode } from '../../app/nodes';
import type { DicomJsonDataset } from '../../app/dicomweb/dicomJson';
import { dimse, type DimseResponse } from './dcmjsDimse';
import { statusText, type OperationOptions } from './cFind';
import { runAssociation } from './runAssociation';
import { readPart10Identity } from './part10File';

/** Outcome of one instance of a STOW-RS request. */
export interface StoreItem {
  SOPClassUID?: string;
  SOPInstanceUID?: string;
  StudyInstanceUID?: string;
  /** C-STORE status (PS3.4 B.2.3); 0xC000 when the part is not a DICOM file. */
  status: number;
  reason?: string;
}

/**
 * C-STORE SCU (PS3.4 B.2) of Part 10 files, all on one association; each file is proposed in
 * its own transfer syntax besides the uncompressed ones. Parts that are not DICOM files fail with
 * status 0xC000 (cannot understand) without being sent.
 * @throws DimseError when the association itself fails
 */
export async function cStore(node: DimseNode, files: readonly Uint8Array[], tempDir: string, options: OperationOptions): Promise<StoreItem[]> {
  const items: StoreItem[] = files.map(() => ({ status: 0xc000 }));
  const dir = await mkdtemp(join(tempDir, 'stow-'));
  try {
    const requests = [];
    for (const [index, bytes] of files.entries()) {
      const item = items[index]!;
      try {
        const identity = readPart10Identity(bytes);
        Object.assign(item, { SOPClassUID: identity.SOPClassUID, SOPInstanceUID: identity.SOPInstanceUID, StudyInstanceUID: identity.StudyInstanceUID });
      } catch (error) {
        item.reason = `not a DICOM Part 10 file: ${error instanceof Error ? error.message : String(error)}`;
        continue;
      }
      const path = join(dir, `${index}.dcm`);
      await writeFile(path, bytes);
      const request = new dimse.requests.CStoreRequest(path);
      item.status = 0xa700;
      item.reason = 'no C-STORE response';
      request.on('response', (response: DimseResponse) => {
        item.status = response.getStatus();
        item.reason = item.status === 0 ? undefined : statusText(response);
      });
      requests.push(request);
    }
    if (requests.length > 0) await runAssociation(node, { requests, ...options });
    return items;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
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
