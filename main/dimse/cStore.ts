import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DimseNode } from '../../app/nodes';
import { dimse, type DimseResponse } from './dcmjsDimse';
import { statusText, type OperationOptions } from './cFind';
import { runAssociation } from './runAssociation';
import { readPart10Identity } from './part10File';
import type { StoreItem } from '../gateway/storeResponse';

/** Outcome of one instance of a STOW-RS request. */

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

