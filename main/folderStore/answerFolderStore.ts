import { DicomwebPathError, parseDicomwebPath } from '../../app/dicomweb/parseDicomwebPath';
import { QidoParamError } from '../../app/dicomweb/qidoQuery';
import { gatewayError } from '../gateway/gatewayError';
import type { AdapterRequestContext } from '../gateway/nodeAdapter';
import { searchIndex } from './answerQido';
import { retrieveBulkdata, retrieveFrames, retrieveInstances, retrieveMetadata, type WadoRequest } from './answerWado';
import type { InstanceIndex } from './instanceIndex';
import { dicomJsonResponse } from '../gateway/multipartResponse';

/** Options of {@link answerFolderStore}. */
export interface FolderStoreOptions {
  /** Names the store in error messages, e.g. `folder node "cd" (/media/cdrom)`. */
  label: string;
  /** Answer to STOW-RS (PS3.18 10.5); default: 405, the store is read-only. */
  store?: (request: Request) => Promise<Response>;
}

/**
 * Answers a DICOMweb request (PS3.18) from an {@link InstanceIndex} of local Part 10
 * files: QIDO-RS searches (10.6), WADO-RS metadata, instances, frames and bulkdata
 * (10.4). STOW-RS is refused with 405 unless `options.store` handles it; rendered
 * resources with 406.
 */
export async function answerFolderStore(index: InstanceIndex, request: Request, context: AdapterRequestContext, options: FolderStoreOptions): Promise<Response> {
  let resource;
  try {
    resource = parseDicomwebPath(request.method, context.path);
  } catch (error) {
    if (error instanceof DicomwebPathError) {
      return request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'POST'
        ? methodNotAllowed(options.label, request.method)
        : gatewayError(404, 'NOT_FOUND', `${options.label}: ${error.message}`);
    }
    throw error;
  }
  const head = request.method === 'HEAD';
  const publicBase = context.publicBase.replace(/\/+$/, '');
  const wado: WadoRequest = { index, accept: request.headers.get('accept'), publicBase, head, label: options.label, signal: context.signal };
  switch (resource.kind) {
    case 'store':
      return options.store ? options.store(request) : methodNotAllowed(options.label, 'STOW-RS (POST)');
    case 'search':
      try {
        const url = new URL(request.url);
        const { results, truncated } = searchIndex(index, { ...resource, params: url.searchParams, publicBase });
        const warning: Record<string, string> = truncated ? { warning: '299 garde: There are additional results that can be requested' } : {};
        return dicomJsonResponse(results, head, warning);
      } catch (error) {
        if (error instanceof QidoParamError) return gatewayError(400, 'BAD_REQUEST', `${options.label}: ${error.message}`);
        throw error;
      }
    case 'retrieve':
      if (resource.what === 'metadata') return retrieveMetadata(wado, resource);
      if (resource.what === 'instances') return retrieveInstances(wado, resource);
      return gatewayError(406, 'BAD_REQUEST', `${options.label} does not render images (${resource.what} is not available)`);
    case 'frames':
      return retrieveFrames(wado, resource);
    case 'bulkdata':
      return retrieveBulkdata(wado, resource.segments);
  }
}

function methodNotAllowed(label: string, what: string): Response {
  const response = gatewayError(405, 'BAD_REQUEST', `${label} is read-only: ${what} is not accepted`);
  response.headers.set('allow', 'GET, HEAD');
  return response;
}
