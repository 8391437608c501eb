import { buildMultipart, getSequence, getString, type DicomJsonDataset } from '../../app/dicomweb';
import { nodeResourceUrl } from '../../app/dicomweb/gatewayPaths';
import { answerError, SyncRequestError } from './gatewayFetch';

/** A boundary that cannot occur in the payload (random, checked by `buildMultipart`). */
function boundary(): string {
  return `garde-${crypto.randomUUID()}`;
}

/** One Part 10 instance to store. */
export interface StowItem {
  SOPInstanceUID: string;
  bytes: Uint8Array;
}

/**
 * Stores Part 10 instances on a node through the gateway in one STOW-RS request (PS3.18 10.5):
 * resolves with each instance's outcome, undefined when the node lists it among the stored
 * instances (ReferencedSOPSequence (0008,1199)), else a {@link SyncRequestError} — not retryable
 * when the node refused it (FailedSOPSequence (0008,1198), with its FailureReason). Throws a
 * {@link SyncRequestError} when the request as a whole fails: retryable for network and server
 * errors, not for a 4xx answer (e.g. 413, a request too large for the node).
 */
export async function stowInstances(gatewayBaseUrl: string, nodeId: string, items: readonly StowItem[], signal?: AbortSignal): Promise<Map<string, SyncRequestError | undefined>> {
  const b = boundary();
  const body = buildMultipart(
    items.map((i) => ({ headers: { 'Content-Type': 'application/dicom' }, body: i.bytes })),
    b,
  );
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
  const failed = new Map((json ? getSequence(json, '00081198') : []).map((item) => [getString(item, '00081155'), item['00081197']?.Value?.[0]] as const));
  const stored = new Set((json ? getSequence(json, '00081199') : []).map((item) => getString(item, '00081155')));
  const outcomes = new Map<string, SyncRequestError | undefined>();
  for (const { SOPInstanceUID } of items) {
    if (failed.has(SOPInstanceUID)) {
      const reason = failed.get(SOPInstanceUID);
      outcomes.set(SOPInstanceUID, new SyncRequestError('STORE_REFUSED', `the node refused instance ${SOPInstanceUID}${reason !== undefined ? ` (FailureReason ${Number(reason).toString(16).toUpperCase()}H)` : ''}`, false));
    } else if (stored.size > 0 && !stored.has(SOPInstanceUID)) {
      outcomes.set(SOPInstanceUID, new SyncRequestError('NODE_BAD_RESPONSE', `instance ${SOPInstanceUID} not listed as stored`, true));
    } else outcomes.set(SOPInstanceUID, undefined);
  }
  return outcomes;
}
