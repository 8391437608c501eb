import { randomBytes } from 'node:crypto';
import { buildMultipart, type MultipartPartInput } from '../../app/dicomweb/buildMultipart';
import { negotiateTransferSyntax, EXPLICIT_VR_LITTLE_ENDIAN } from '../../app/dicomweb/negotiateTransferSyntax';
import type { DicomJsonDataset } from '../../app/dicomweb/dicomJson';
import { gatewayError } from '../gateway/gatewayError';
import { extractFrames } from './extractFrames';
import { multipartStream, type StreamPart } from './multipartStream';
import { instanceMetadata } from './instanceMetadata';
import type { StoredInstance, TempInstanceStore } from './tempInstanceStore';

const NATIVE_LE = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1']);

/** A `application/dicom+json` response (PS3.18 8.7.3.1). */
export function dicomJsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/dicom+json', 'cache-control': 'no-store' } });
}

function newBoundary(): string {
  return `garde-${randomBytes(16).toString('hex')}`;
}

function multipartResponse(parts: MultipartPartInput[], type: string, extra = ''): Response {
  const boundary = newBoundary();
  const body = buildMultipart(parts, boundary);
  return new Response(body as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: { 'content-type': `multipart/related; type="${type}"; boundary=${boundary}${extra}`, 'cache-control': 'no-store' },
  });
}

/** The URL of an instance under the node's public base. */
export function instanceUrl(publicBase: string, i: StoredInstance): string {
  return `${publicBase}/studies/${i.StudyInstanceUID}/series/${i.SeriesInstanceUID}/instances/${i.SOPInstanceUID}`;
}

/** WADO-RS metadata (PS3.18 10.4.1.1.2): an array of DICOM JSON instances with BulkDataURIs we serve. */
export async function metadataResponse(store: TempInstanceStore, instances: readonly StoredInstance[], publicBase: string): Promise<Response> {
  const out: DicomJsonDataset[] = [];
  for (const instance of instances) {
    const bytes = await store.read(instance);
    const bulkBase = `${publicBase}/bulkdata/${instance.StudyInstanceUID}/${instance.SeriesInstanceUID}/${instance.SOPInstanceUID}`;
    out.push(instanceMetadata(bytes, instanceUrl(publicBase, instance), bulkBase));
  }
  return dicomJsonResponse(out);
}

/**
 * WADO-RS instances (PS3.18 10.4.1.1.1): multipart/related of the Part 10 files as stored, streamed
 * part by part (the bytes of every instance are in hand before the answer starts).
 */
export async function instancesResponse(store: TempInstanceStore, instances: readonly StoredInstance[], accept: string | null): Promise<Response> {
  for (const instance of instances) {
    const negotiated = negotiateTransferSyntax(accept, 'instances', instance.TransferSyntaxUID);
    if (!negotiated) return notAcceptable(`instance ${instance.SOPInstanceUID} is stored in ${instance.TransferSyntaxUID}; the gateway does not transcode DIMSE instances`);
  }
  const parts: StreamPart[] = [];
  for (const instance of instances) {
    parts.push({ headers: { 'Content-Type': `application/dicom; transfer-syntax=${instance.TransferSyntaxUID}` }, body: await store.readChunks(instance) });
  }
  const boundary = newBoundary();
  return new Response(multipartStream(parts, boundary), {
    status: 200,
    headers: { 'content-type': `multipart/related; type="application/dicom"; boundary=${boundary}`, 'cache-control': 'no-store' },
  });
}

/**
 * WADO-RS frames (PS3.18 10.4.1.1.4, 8.7.3.3): one part per requested frame; native frames as raw
 * little endian bytes, encapsulated frames as their compressed bit stream, each part labelled with
 * its transfer syntax. The Accept header may ask `*` or the stored syntax (no transcoding).
 */
export async function framesResponse(store: TempInstanceStore, instance: StoredInstance, frames: readonly number[], accept: string | null): Promise<Response> {
  const extracted = extractFrames(await store.read(instance));
  const deliverable = extracted.encapsulated ? extracted.transferSyntaxUid : EXPLICIT_VR_LITTLE_ENDIAN;
  if (!extracted.encapsulated && !NATIVE_LE.has(extracted.transferSyntaxUid)) {
    return notAcceptable(`frames of instance ${instance.SOPInstanceUID} are stored in ${extracted.transferSyntaxUid}, which this gateway does not convert`);
  }
  const negotiated = negotiateTransferSyntax(accept, 'frames', deliverable);
  if (!negotiated) return notAcceptable(`frames of instance ${instance.SOPInstanceUID} are available in ${deliverable} only (the gateway does not transcode DIMSE instances)`);
  const parts: MultipartPartInput[] = [];
  for (const n of frames) {
    const body = extracted.frame(n);
    if (!body) return gatewayError(404, 'NOT_FOUND', `instance ${instance.SOPInstanceUID} has no frame ${n} (it has ${extracted.numberOfFrames})`);
    parts.push({ headers: { 'Content-Type': `${negotiated.partType}; transfer-syntax=${negotiated.transferSyntaxUID}` }, body });
  }
  return multipartResponse(parts, negotiated.partType, `; transfer-syntax=${negotiated.transferSyntaxUID}`);
}

function notAcceptable(message: string): Response {
  return gatewayError(406, 'BAD_REQUEST', message);
}
