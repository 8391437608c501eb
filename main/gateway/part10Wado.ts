import { inflateRawSync } from 'node:zlib';
import { withPublicBulkDataUris, type Part10Dataset } from '../../app/dicom/part10Dataset';
import { readBulkData } from '../../app/dicom/readBulkData';
import { FrameSplitError, splitFrames, type Part10Frames } from '../../app/dicom/splitFrames';
import { concatBytes } from '../../app/dicomweb/bytes';
import { negotiateTransferSyntax, type NegotiatedSyntax } from '../../app/dicomweb/negotiateTransferSyntax';
import { dicomwebPath } from '../../app/dicomweb/parseDicomwebPath';
import { gatewayError } from './gatewayError';
import { dicomJsonResponse, multipartResponse, streamedMultipartResponse } from './multipartResponse';

/** An instance of a store of Part 10 files (a folder, the instances a DIMSE node retrieved). */
export interface Part10Instance {
  StudyInstanceUID: string;
  SeriesInstanceUID: string;
  SOPInstanceUID: string;
  /** Transfer Syntax UID of the file (PS3.10 7.1, (0002,0010)). */
  TransferSyntaxUID: string;
}

/** What the WADO-RS answers of {@link answerMetadata} and the others read of a store. */
export interface Part10Store<I extends Part10Instance> {
  /** Names the store in error messages, e.g. `folder node "cd"`. */
  label: string;
  /** The bytes of an instance's file. */
  read(instance: I): Promise<Uint8Array>;
  /** The instance's data set before Pixel Data, with `local:` BulkDataURIs. */
  header(instance: I): Promise<Pick<Part10Dataset, 'dataset' | 'pixelData'>>;
  /** Where the instance is, for error messages (a file path). */
  whereIs?(instance: I): string;
}

/** What every WADO-RS answer needs besides the instances. */
export interface WadoAnswerOptions {
  accept: string | null;
  /** The node's DICOMweb base as the client sees it (no trailing slash). */
  publicBase: string;
  head: boolean;
  /** Aborted when the client goes away: streamed answers stop reading. */
  signal?: AbortSignal;
}

/** The base of an instance's bulk data URLs: `<publicBase>/bulkdata/<study>/<series>/<instance>`, served by {@link answerBulkdata}. */
export function bulkDataBase(publicBase: string, instance: Part10Instance): string {
  return `${publicBase}/${dicomwebPath({ kind: 'bulkdata', segments: [instance.StudyInstanceUID, instance.SeriesInstanceUID, instance.SOPInstanceUID] })}`;
}

/**
 * WADO-RS Retrieve Metadata (PS3.18 10.4.1.1.2, F.2): each instance's data set as DICOM JSON with
 * its large binary values and Pixel Data as BulkDataURIs under {@link bulkDataBase}.
 */
export async function answerMetadata<I extends Part10Instance>(store: Part10Store<I>, instances: readonly I[], options: WadoAnswerOptions): Promise<Response> {
  const out = [];
  for (const instance of instances) {
    const { dataset, pixelData } = await store.header(instance);
    const base = bulkDataBase(options.publicBase, instance);
    const json = withPublicBulkDataUris(dataset, base);
    if (pixelData) json['7FE00010'] = { vr: pixelData.vr, BulkDataURI: `${base}/7FE00010` };
    out.push(json);
  }
  return dicomJsonResponse(out, options.head);
}

/**
 * WADO-RS Retrieve Instances (PS3.18 10.4.1.1.1): the Part 10 files as stored in a
 * multipart/related; type="application/dicom" body read one file at a time as the client reads.
 * 406 when the Accept header asks a transfer syntax other than the stored one (no transcoding).
 */
export function answerInstances<I extends Part10Instance>(store: Part10Store<I>, instances: readonly I[], options: WadoAnswerOptions): Response {
  const syntaxes = instances.map((instance) => negotiateTransferSyntax(options.accept, 'instances', instance.TransferSyntaxUID));
  const refused = syntaxes.findIndex((syntax) => syntax === undefined);
  if (refused >= 0) return notAcceptable(store, options, instances[refused]!.TransferSyntaxUID);
  async function* parts() {
    for (const [i, instance] of instances.entries()) yield { headers: { 'Content-Type': partType(syntaxes[i]!) }, body: await store.read(instance) };
  }
  return streamedMultipartResponse(parts(), 'application/dicom', { head: options.head, ...(options.signal ? { signal: options.signal } : {}) });
}

/**
 * WADO-RS Retrieve Frames (PS3.18 10.4.1.1.4, 8.7.3): one part per requested frame; native frames
 * (little endian, big endian or deflated as stored) as Explicit VR Little Endian bytes, encapsulated
 * frames as their compressed bit stream, each part labelled with its transfer syntax.
 */
export async function answerFrames<I extends Part10Instance>(store: Part10Store<I>, instance: I, frames: readonly number[], options: WadoAnswerOptions): Promise<Response> {
  const pixels = await openFrames(store, instance);
  if (pixels instanceof Response) return pixels;
  const syntax = negotiateTransferSyntax(options.accept, 'frames', pixels.TransferSyntaxUID);
  if (!syntax) return notAcceptable(store, options, pixels.TransferSyntaxUID);
  const missing = frames.filter((n) => n > pixels.NumberOfFrames);
  if (missing.length > 0) return gatewayError(404, 'NOT_FOUND', `instance ${instance.SOPInstanceUID} has no frame ${missing.join(',')} (it has ${pixels.NumberOfFrames})`);
  const parts = frames.map((n) => ({ headers: { 'Content-Type': partType(syntax) }, body: pixels.frame(n) }));
  return multipartResponse(parts, syntax.partType, options.head, { 'transfer-syntax': syntax.transferSyntaxUID });
}

/**
 * WADO-RS Retrieve Bulkdata (PS3.18 10.4.1.1.5) at a tag path of an instance: Pixel Data as one
 * part per frame when encapsulated, one part holding every frame when native; any other binary
 * attribute (tag path through sequence items) as one application/octet-stream part.
 */
export async function answerBulkdata<I extends Part10Instance>(store: Part10Store<I>, instance: I, tagPath: readonly string[], options: WadoAnswerOptions): Promise<Response> {
  if (tagPath.length === 1 && tagPath[0]!.toUpperCase() === '7FE00010') {
    const pixels = await openFrames(store, instance);
    if (pixels instanceof Response) return pixels;
    const syntax = negotiateTransferSyntax(options.accept, 'frames', pixels.TransferSyntaxUID);
    if (!syntax) return notAcceptable(store, options, pixels.TransferSyntaxUID);
    const frames = pixels.frames();
    const bodies = pixels.encapsulated ? frames : [concatBytes(frames)];
    return multipartResponse(bodies.map((body) => ({ headers: { 'Content-Type': partType(syntax) }, body })), syntax.partType, options.head);
  }
  const value = readBulkData(await store.read(instance), tagPath);
  if (!value) return gatewayError(404, 'NOT_FOUND', `instance ${instance.SOPInstanceUID} has no binary attribute at ${tagPath.join('/')}`);
  return multipartResponse([{ headers: { 'Content-Type': 'application/octet-stream' }, body: value }], 'application/octet-stream', options.head);
}

async function openFrames<I extends Part10Instance>(store: Part10Store<I>, instance: I): Promise<Part10Frames | Response> {
  const where = store.whereIs ? ` (${store.whereIs(instance)})` : '';
  try {
    return splitFrames(await store.read(instance), { inflateRaw: inflateRawSync });
  } catch (error) {
    if (error instanceof FrameSplitError) return gatewayError(404, 'NOT_FOUND', `instance ${instance.SOPInstanceUID}${where}: ${error.message}`);
    throw error;
  }
}

function partType(syntax: NegotiatedSyntax): string {
  return `${syntax.partType}; transfer-syntax=${syntax.transferSyntaxUID}`;
}

function notAcceptable<I extends Part10Instance>(store: Part10Store<I>, options: WadoAnswerOptions, stored: string): Response {
  return gatewayError(406, 'BAD_REQUEST', `${store.label} sends data as stored (transfer syntax ${stored}) and cannot convert it to what Accept asks: ${options.accept}`);
}
