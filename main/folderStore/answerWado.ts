import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { readBulkData } from '../../app/dicom/readBulkData';
import { FrameSplitError, splitFrames, type Part10Frames } from '../../app/dicom/splitFrames';
import { concatBytes } from '../../app/dicomweb/bytes';
import type { DicomwebResource } from '../../app/dicomweb/parseDicomwebPath';
import { negotiateTransferSyntax, type NegotiatedSyntax } from '../../app/dicomweb/negotiateTransferSyntax';
import { gatewayError } from '../gateway/gatewayError';
import { sortInstances } from './entityRecords';
import type { IndexedInstance, InstanceIndex } from './instanceIndex';
import { dicomJsonResponse, multipartResponse, streamedMultipartResponse } from '../gateway/multipartResponse';
import { instanceMetadata } from './publicBulkDataUris';

type Retrieve = Extract<DicomwebResource, { kind: 'retrieve' }>;
type Frames = Extract<DicomwebResource, { kind: 'frames' }>;

/** What every WADO-RS answer needs besides the resource. */
export interface WadoRequest {
  index: InstanceIndex;
  accept: string | null;
  publicBase: string;
  head: boolean;
  /** Names the store in error messages, e.g. `folder node "cd"`. */
  label: string;
  /** Aborted when the client goes away: streamed responses stop reading files. */
  signal?: AbortSignal;
}

/** Instances of a retrieve scope, ordered, or a 404 response. */
function scoped(request: WadoRequest, scope: { StudyInstanceUID: string; SeriesInstanceUID?: string; SOPInstanceUID?: string }): IndexedInstance[] | Response {
  const instances = sortInstances(request.index.instances(scope));
  if (instances.length > 0) return instances;
  const what = scope.SOPInstanceUID ? `instance ${scope.SOPInstanceUID}` : scope.SeriesInstanceUID ? `series ${scope.SeriesInstanceUID}` : `study ${scope.StudyInstanceUID}`;
  return gatewayError(404, 'NOT_FOUND', `${request.label} has no ${what}`);
}

/** WADO-RS Retrieve Metadata (PS3.18 10.4.1.1.2): DICOM JSON of each instance with BulkDataURIs. */
export function retrieveMetadata(request: WadoRequest, resource: Retrieve): Response {
  const instances = scoped(request, resource);
  if (instances instanceof Response) return instances;
  return dicomJsonResponse(instances.map((i) => instanceMetadata(i, request.publicBase)), request.head);
}

/**
 * WADO-RS Retrieve Instances (PS3.18 10.4.1.1.1): the Part 10 files as stored, in a
 * multipart/related; type="application/dicom" body streamed one file at a time. 406 when the Accept header asks a
 * transfer syntax other than the stored one (this store does not transcode).
 */
export async function retrieveInstances(request: WadoRequest, resource: Retrieve): Promise<Response> {
  const instances = scoped(request, resource);
  if (instances instanceof Response) return instances;
  const files: IndexedInstance[] = instances;
  const syntaxes = files.map((instance) => negotiateTransferSyntax(request.accept, 'instances', instance.TransferSyntaxUID));
  const refused = syntaxes.findIndex((syntax) => syntax === undefined);
  if (refused >= 0) return notAcceptable(request, files[refused]!.TransferSyntaxUID);
  async function* parts() {
    for (const [i, instance] of files.entries()) {
      yield { headers: { 'Content-Type': partType(syntaxes[i]!) }, body: await readInstanceFile(instance) };
    }
  }
  return streamedMultipartResponse(parts(), 'application/dicom', { head: request.head, ...(request.signal ? { signal: request.signal } : {}) });
}

/**
 * WADO-RS Retrieve Frames (PS3.18 10.4.1.1.4, 8.7.3): one part per requested frame, native
 * frames little endian in Explicit VR Little Endian, encapsulated frames as stored with
 * the transfer-syntax parameter on each part.
 */
export async function retrieveFrames(request: WadoRequest, resource: Frames): Promise<Response> {
  if (resource.what === 'rendered') return gatewayError(406, 'BAD_REQUEST', `${request.label} does not render frames (no rendered media types)`);
  const instances = scoped(request, resource);
  if (instances instanceof Response) return instances;
  const pixels = await openFrames(request, instances[0]!);
  if (pixels instanceof Response) return pixels;
  const syntax = negotiateTransferSyntax(request.accept, 'frames', pixels.TransferSyntaxUID);
  if (!syntax) return notAcceptable(request, pixels.TransferSyntaxUID);
  const missing = resource.frames.filter((n) => n > pixels.NumberOfFrames);
  if (missing.length > 0) return gatewayError(404, 'NOT_FOUND', `frame(s) ${missing.join(',')} do not exist: the instance has ${pixels.NumberOfFrames}`);
  const parts = resource.frames.map((n) => ({ headers: { 'Content-Type': partType(syntax) }, body: pixels.frame(n) }));
  return multipartResponse(parts, syntax.partType, request.head);
}

/**
 * WADO-RS Retrieve Bulkdata (PS3.18 10.4.1.1.5) at `bulkdata/{study}/{series}/{instance}/{tag path}`:
 * Pixel Data as one part per frame when encapsulated, one part holding every frame when
 * native; any other binary attribute (tag path through sequence items) as one part.
 */
export async function retrieveBulkdata(request: WadoRequest, segments: readonly string[]): Promise<Response> {
  const [StudyInstanceUID, SeriesInstanceUID, SOPInstanceUID, ...tagPath] = segments;
  if (!StudyInstanceUID || !SeriesInstanceUID || !SOPInstanceUID || tagPath.length === 0) {
    return gatewayError(404, 'NOT_FOUND', `no bulk data at bulkdata/${segments.join('/')}`);
  }
  const instances = scoped(request, { StudyInstanceUID, SeriesInstanceUID, SOPInstanceUID });
  if (instances instanceof Response) return instances;
  const instance = instances[0]!;
  if (tagPath.length === 1 && tagPath[0] === '7FE00010') {
    const pixels = await openFrames(request, instance);
    if (pixels instanceof Response) return pixels;
    const syntax = negotiateTransferSyntax(request.accept, 'frames', pixels.TransferSyntaxUID);
    if (!syntax) return notAcceptable(request, pixels.TransferSyntaxUID);
    const frames = pixels.frames();
    const bodies = pixels.encapsulated ? frames : [concatBytes(frames)];
    return multipartResponse(bodies.map((body) => ({ headers: { 'Content-Type': partType(syntax) }, body })), syntax.partType, request.head);
  }
  const bytes = await readInstanceFile(instance);
  const value = readBulkData(bytes, tagPath);
  if (!value) return gatewayError(404, 'NOT_FOUND', `instance ${SOPInstanceUID} has no binary attribute at ${tagPath.join('/')}`);
  return multipartResponse([{ headers: { 'Content-Type': 'application/octet-stream' }, body: value }], 'application/octet-stream', request.head);
}

/** The bytes of an indexed file. */
export async function readInstanceFile(instance: IndexedInstance): Promise<Uint8Array> {
  const buffer = await readFile(instance.path);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

async function openFrames(request: WadoRequest, instance: IndexedInstance): Promise<Part10Frames | Response> {
  if (!instance.pixelData) return gatewayError(404, 'NOT_FOUND', `instance ${instance.SOPInstanceUID} has no Pixel Data`);
  try {
    return splitFrames(await readInstanceFile(instance), { inflateRaw: inflateRawSync });
  } catch (error) {
    if (error instanceof FrameSplitError) return gatewayError(404, 'NOT_FOUND', `instance ${instance.SOPInstanceUID} (${instance.path}): ${error.message}`);
    throw error;
  }
}

function partType(syntax: NegotiatedSyntax): string {
  return `${syntax.partType}; transfer-syntax=${syntax.transferSyntaxUID}`;
}

function notAcceptable(request: WadoRequest, stored: string): Response {
  return gatewayError(406, 'BAD_REQUEST', `${request.label} sends data as stored (transfer syntax ${stored}) and cannot convert it to what Accept asks: ${request.accept}`);
}
