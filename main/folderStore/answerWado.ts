import { readFile } from 'node:fs/promises';
import type { DicomwebResource } from '../../app/dicomweb/parseDicomwebPath';
import { gatewayError } from '../gateway/gatewayError';
import { answerBulkdata, answerFrames, answerInstances, answerMetadata, type Part10Store, type WadoAnswerOptions } from '../gateway/part10Wado';
import { sortInstances } from './entityRecords';
import type { IndexedInstance, InstanceIndex } from './instanceIndex';

type Retrieve = Extract<DicomwebResource, { kind: 'retrieve' }>;
type Frames = Extract<DicomwebResource, { kind: 'frames' }>;

/** What every WADO-RS answer of a folder needs besides the resource. */
export interface WadoRequest extends WadoAnswerOptions {
  index: InstanceIndex;
  /** Names the store in error messages, e.g. `folder node "cd"`. */
  label: string;
}

/** The indexed files as a Part 10 store: headers from the index, bytes from the files. */
function folderFiles(request: WadoRequest): Part10Store<IndexedInstance> {
  return { label: request.label, read: readInstanceFile, header: async (instance) => instance, whereIs: (instance) => instance.path };
}

/** Instances of a retrieve scope, ordered, or a 404 response. */
function scoped(request: WadoRequest, scope: { StudyInstanceUID: string; SeriesInstanceUID?: string; SOPInstanceUID?: string }): IndexedInstance[] | Response {
  const instances = sortInstances(request.index.instances(scope));
  if (instances.length > 0) return instances;
  const what = scope.SOPInstanceUID ? `instance ${scope.SOPInstanceUID}` : scope.SeriesInstanceUID ? `series ${scope.SeriesInstanceUID}` : `study ${scope.StudyInstanceUID}`;
  return gatewayError(404, 'NOT_FOUND', `${request.label} has no ${what}`);
}

/** WADO-RS Retrieve Metadata (PS3.18 10.4.1.1.2) of a study, series or instance. */
export async function retrieveMetadata(request: WadoRequest, resource: Retrieve): Promise<Response> {
  const instances = scoped(request, resource);
  return instances instanceof Response ? instances : answerMetadata(folderFiles(request), instances, request);
}

/** WADO-RS Retrieve Instances (PS3.18 10.4.1.1.1): the files as stored, streamed. */
export function retrieveInstances(request: WadoRequest, resource: Retrieve): Response {
  const instances = scoped(request, resource);
  return instances instanceof Response ? instances : answerInstances(folderFiles(request), instances, request);
}

/** WADO-RS Retrieve Frames (PS3.18 10.4.1.1.4); rendered frames are refused (406). */
export async function retrieveFrames(request: WadoRequest, resource: Frames): Promise<Response> {
  if (resource.what === 'rendered') return gatewayError(406, 'BAD_REQUEST', `${request.label} does not render frames (no rendered media types)`);
  const instances = scoped(request, resource);
  return instances instanceof Response ? instances : answerFrames(folderFiles(request), instances[0]!, resource.frames, request);
}

/** WADO-RS Retrieve Bulkdata (PS3.18 10.4.1.1.5) at `bulkdata/{study}/{series}/{instance}/{tag path}`. */
export async function retrieveBulkdata(request: WadoRequest, segments: readonly string[]): Promise<Response> {
  const [StudyInstanceUID, SeriesInstanceUID, SOPInstanceUID, ...tagPath] = segments;
  if (!StudyInstanceUID || !SeriesInstanceUID || !SOPInstanceUID || tagPath.length === 0) {
    return gatewayError(404, 'NOT_FOUND', `no bulk data at bulkdata/${segments.join('/')}`);
  }
  const instances = scoped(request, { StudyInstanceUID, SeriesInstanceUID, SOPInstanceUID });
  return instances instanceof Response ? instances : answerBulkdata(folderFiles(request), instances[0]!, tagPath, request);
}

/** The bytes of an indexed file. */
export async function readInstanceFile(instance: IndexedInstance): Promise<Uint8Array> {
  const buffer = await readFile(instance.path);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
