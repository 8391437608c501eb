import { randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { FrameSplitError, splitFrames } from '../../app/dicom/splitFrames';
import type { MultipartPartInput } from '../../app/dicomweb/buildMultipart';
import { negotiateTransferSyntax } from '../../app/dicomweb/negotiateTransferSyntax';
import type { DicomJsonDataset } from '../../app/dicomweb/dicomJson';
import { gatewayError } from '../gateway/gatewayError';
import { dicomJsonResponse, multipartResponse } from '../gateway/multipartResponse';
import { multipartStream, type StreamPart } from './multipartStream';
import { instanceMetadata } from './instanceMetadata';
import type { StoredInstance, TempInstanceStore } from './tempInstanceStore';

function newBoundary(): string {
  return `garde-${randomBytes(16).toString('hex')}`;
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
 * WADO-RS frames (PS3.18 10.4.1.1.4, 8.7.3.3): one part per requested frame, each labelled with its
 * transfer syntax; native frames (little endian, big endian or deflated as retrieved) as Explicit VR
 * Little Endian bytes, encapsulated frames as their compressed bit stream. The Accept header may ask
 * `*` or that syntax (compressed frames are not transcoded).
 */
export async function framesResponse(store: TempInstanceStore, instance: StoredInstance, frames: readonly number[], accept: string | null): Promise<Response> {
  let split;
  try {
    split = splitFrames(await store.read(instance), { inflateRaw: inflateRawSync });
  } catch (error) {
    if (error instanceof FrameSplitError) return gatewayError(404, 'NOT_FOUND', `instance ${instance.SOPInstanceUID}: ${error.message}`);
    throw error;
  }
  const deliverable = split.TransferSyntaxUID;
  const negotiated = negotiateTransferSyntax(accept, 'frames', deliverable);
  if (!negotiated) return notAcceptable(`frames of instance ${instance.SOPInstanceUID} are available in ${deliverable} only (the gateway does not transcode compressed DIMSE frames)`);
  const missing = frames.filter((n) => n > split.NumberOfFrames);
  if (missing.length > 0) return gatewayError(404, 'NOT_FOUND', `instance ${instance.SOPInstanceUID} has no frame ${missing.join(',')} (it has ${split.NumberOfFrames})`);
  const parts: MultipartPartInput[] = frames.map((n) => ({ headers: { 'Content-Type': `${negotiated.partType}; transfer-syntax=${negotiated.transferSyntaxUID}` }, body: split.frame(n) }));
  return multipartResponse(parts, negotiated.partType, false, { 'transfer-syntax': negotiated.transferSyntaxUID });
}

function notAcceptable(message: string): Response {
  return gatewayError(406, 'BAD_REQUEST', message);
}
