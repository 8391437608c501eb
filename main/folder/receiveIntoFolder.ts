import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readPart10Dataset } from '../../app/dicom/part10Dataset';
import { getString, MultipartParser } from '../../app/dicomweb';
import { isUid } from '../../app/dicomweb/parseDicomwebPath';
import { gatewayError } from '../gateway/gatewayError';
import { dicomJsonResponse } from '../gateway/multipartResponse';
import { storeResponseJson, type StoreItem } from '../gateway/storeResponse';

/** Where a receiving folder node writes what it is sent, under its folder. */
export const RECEIVED_FOLDER = 'received';

/** C-STORE-like failure status of a part that is not a DICOM instance with valid UIDs (PS3.4 B.2.3: 0xC000 cannot understand). */
const CANNOT_UNDERSTAND = 0xc000;
/** Refused: out of resources (the file could not be written, e.g. a full disk). */
const OUT_OF_RESOURCES = 0xa700;

async function writeOne(folder: string, bytes: Uint8Array): Promise<StoreItem> {
  let dataset;
  try {
    dataset = readPart10Dataset(bytes).dataset;
  } catch (error) {
    return { status: CANNOT_UNDERSTAND, reason: `not a DICOM Part 10 file: ${error instanceof Error ? error.message : String(error)}` };
  }
  const SOPClassUID = getString(dataset, '00080016');
  const SOPInstanceUID = getString(dataset, '00080018');
  const StudyInstanceUID = getString(dataset, '0020000D');
  const ids = { ...(SOPClassUID ? { SOPClassUID } : {}), ...(SOPInstanceUID ? { SOPInstanceUID } : {}), ...(StudyInstanceUID ? { StudyInstanceUID } : {}) };
  // UIDs name the file: only valid ones (digits and dots, PS3.5 9.1), never a path.
  if (!SOPInstanceUID || !StudyInstanceUID || !isUid(SOPInstanceUID) || !isUid(StudyInstanceUID)) return { ...ids, status: CANNOT_UNDERSTAND, reason: 'missing or invalid Study or SOP Instance UID' };
  const dir = join(folder, RECEIVED_FOLDER, StudyInstanceUID);
  const file = join(dir, `${SOPInstanceUID}.dcm`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(`${file}.part`, bytes);
    await rename(`${file}.part`, file);
  } catch (error) {
    return { ...ids, status: OUT_OF_RESOURCES, reason: error instanceof Error ? error.message : String(error) };
  }
  return { ...ids, status: 0 };
}

/**
 * STOW-RS (PS3.18 10.5) on a folder node that receives: each application/dicom part is written
 * to `<folder>/received/<StudyInstanceUID>/<SOPInstanceUID>.dcm` (a temporary file renamed: never
 * half a file; the same instance again replaces it), then the folder is indexed again so the
 * instances answer QIDO and WADO at once. The Store Instances Response says which were stored.
 */
export async function receiveIntoFolder(folder: string, request: Request, publicBase: string, rescan: () => Promise<unknown>): Promise<Response> {
  let parts;
  try {
    const parser = MultipartParser.fromContentType(request.headers.get('content-type') ?? '');
    parts = parser.push(new Uint8Array(await request.arrayBuffer()));
    parser.end();
  } catch (error) {
    return gatewayError(400, 'BAD_REQUEST', `STOW-RS needs a multipart/related body of application/dicom parts: ${error instanceof Error ? error.message : String(error)}`);
  }
  const items: StoreItem[] = [];
  for (const part of parts) items.push(await writeOne(folder, part.body));
  if (items.some((i) => i.status === 0)) await rescan();
  const ok = items.filter((i) => i.status === 0).length;
  return dicomJsonResponse(storeResponseJson(items, publicBase), false, {}, ok === items.length ? 200 : ok === 0 ? 409 : 202);
}
