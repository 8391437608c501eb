import dcmjs from 'dcmjs';
import type { DimseNode } from '../../app/nodes';
import type { FindIdentifier } from '../../app/dicomweb/qidoToFind';
import { dcmjsToDicomJson } from '../../app/dicom/dcmjsToDicomJson';
import type { DicomJsonDataset } from '../../app/dicomweb/dicomJson';
import { dimse, type DimseResponse } from './dcmjsDimse';
import { DimseError, nodeLabel } from './dimseError';
import { runAssociation } from './runAssociation';

/** Options of one DIMSE operation. */
export interface OperationOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Attributes of a C-FIND response that describe the query, not the match. */
const QUERY_ONLY_TAGS = new Set(['00080052', '00080056', '00080054']);

/** Whether a DIMSE status is Pending (PS3.7 C.4: 0xFF00, 0xFF01). */
export function isPending(status: number): boolean {
  return status === 0xff00 || status === 0xff01;
}

/** The text of a failed response: status in hex and the Error Comment when the peer sent one. */
export function statusText(response: DimseResponse): string {
  const comment = response.getErrorComment?.();
  return `status 0x${response.getStatus().toString(16).toUpperCase().padStart(4, '0')}${comment ? ` (${comment})` : ''}`;
}

/**
 * C-FIND SCU, Study Root Query/Retrieve Information Model (PS3.4 C.4.1, C.6.2): one association,
 * one request with the identifier's keys at its level; returns each pending response's identifier
 * as DICOM JSON (PS3.18 F.2), without the query-only attributes (QueryRetrieveLevel, RetrieveAETitle).
 * @throws DimseError for a network failure or a failure status (PS3.4 C.4.1.1.4).
 */
export async function cFind(node: DimseNode, identifier: FindIdentifier, options: OperationOptions): Promise<DicomJsonDataset[]> {
  const request = new dimse.requests.CFindRequest();
  request.setDataset(new dimse.Dataset({ ...identifier.keys, QueryRetrieveLevel: identifier.level }));
  const results: DicomJsonDataset[] = [];
  let failure: string | undefined;
  request.on('response', (response: DimseResponse) => {
    const status = response.getStatus();
    if (isPending(status)) {
      const elements = response.getDataset()?.getElements();
      if (!elements) return;
      const dict = dcmjs.data.DicomMetaDictionary.denaturalizeDataset(elements);
      results.push(dcmjsToDicomJson(dict, { exclude: QUERY_ONLY_TAGS }));
    } else if (status !== 0) {
      failure = statusText(response);
    }
  });
  await runAssociation(node, { requests: [request], ...options });
  if (failure) throw new DimseError('status', `C-FIND on DIMSE node ${nodeLabel(node)} failed: ${failure}`);
  return results;
}
