import { buildMultipart, getSequence, getString, type DicomJsonDataset } from '../../app/dicomweb';
import { nodeResourceUrl } from '../../app/dicomweb/gatewayPaths';
import { answerError, SyncRequestError } from './gatewayFetch';

/** A boundary that cannot occur in the payload (random, checked by `buildMultipart`). */
function boundary(): string {
  return `garde-${crypto.randomUUID()}`;
}

/**
 * Stores one Part 10 instance on a node through the gateway (STOW-RS, PS3.18 10.5): resolves when
 * the node lists it among the stored instances (ReferencedSOPSequence (0008,1199)), throws a
 * {@link SyncRequestError} otherwise — retryable for network and server errors, not when the node
 * refused the instance (FailedSOPSequence (0008,1198), or a 4xx answer).
 */
export async function stowInstance(gatewayBaseUrl: string, nodeId: string, SOPInstanceUID: string, bytes: Uint8Array, signal?: AbortSignal): Promise<void> {
  const b = boundary();
  const body = buildMultipart([{ headers: { 'Content-Type': 'application/dicom' }, body: bytes }], b);
  let response: Response;
  try {
    response = await fetch(nodeResourceUrl(gatewayBaseUrl, nodeId, { kind: 'store' }), {
      method: 'POST',
      headers: { 'content-type': `multipart/related; type="application/dicom"; boundary=${b}`, accept: 'application/dicom+json' },
      body: body as Uint8Array<ArrayBuffer>,
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    throw new SyncRequestError('NODE_UNREACHABLE', error instanceof Error ? error.message : String(error), true);
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) throw answerError(response.status, text, `STOW-RS: HTTP ${response.status}`, 'STORE_REFUSED');
  let json: DicomJsonDataset | undefined;
  try {
    json = text ? (JSON.parse(text) as DicomJsonDataset) : undefined;
  } catch {
    json = undefined;
  }
  const uidsIn = (tag: string) => (json ? getSequence(json, tag).map((item) => getString(item, '00081155')) : []);
  if (uidsIn('00081198').includes(SOPInstanceUID)) throw new SyncRequestError('STORE_REFUSED', `the node refused instance ${SOPInstanceUID}`, false);
  const stored = uidsIn('00081199');
  if (stored.length > 0 && !stored.includes(SOPInstanceUID)) throw new SyncRequestError('NODE_BAD_RESPONSE', `instance ${SOPInstanceUID} not listed as stored`, true);
}
