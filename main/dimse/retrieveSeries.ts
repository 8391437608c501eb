import {
  DeflatedExplicitVRLittleEndian,
  ExplicitVRBigEndian,
  ExplicitVRLittleEndian,
  HTJ2K,
  HTJ2KLossless,
  HTJ2KLosslessRPCL,
  ImplicitVRLittleEndian,
  JPEG2000,
  JPEG2000Lossless,
  JPEGBaseline8Bit,
  JPEGExtended12Bit,
  JPEGLossless,
  JPEGLosslessSV1,
  JPEGLSLossless,
  JPEGLSNearLossless,
  RLELossless,
} from '../../app/dicom/transferSyntax';
import type { DimseNode } from '../../app/nodes';
import { dimse, type DimseAssociation, type DimseResponse } from './dcmjsDimse';
import { DimseError, nodeLabel } from './dimseError';
import { isPending, statusText, type OperationOptions } from './cFind';
import { runAssociation, type RawStoredDataset } from './runAssociation';

/**
 * Transfer syntaxes offered for C-GET sub-operations, each in its own presentation context, so the
 * PACS sends what it stores. Every one is served back (wadoResponses): encapsulated frames as stored,
 * big-endian and deflated ones converted to Explicit VR Little Endian native frames.
 */
export const STORED_TRANSFER_SYNTAXES = [
  JPEGBaseline8Bit, JPEGExtended12Bit, JPEGLossless, JPEGLosslessSV1,
  JPEGLSLossless, JPEGLSNearLossless, JPEG2000Lossless, JPEG2000,
  HTJ2KLossless, HTJ2KLosslessRPCL, HTJ2K, RLELossless,
  ExplicitVRBigEndian, DeflatedExplicitVRLittleEndian,
] as const;
const UNCOMPRESSED = [ExplicitVRLittleEndian, ImplicitVRLittleEndian];
/**
 * Maximum PDU length we announce when we receive instances (PS3.8 D.1): 64 KiB PDUs arrive in about
 * one socket read each, where dcmjs-dimse joins the reads of a larger PDU by copying them again and again.
 */
export const RECEIVE_MAX_PDU_LENGTH = 64 * 1024;
/** At most 128 presentation contexts fit an association (PS3.8 9.3.2.2: odd ids 1-255). */
const MAX_CLASSES_WITH_ALL_SYNTAXES = 8;

/** What to retrieve: a series, or one instance of it (PS3.4 C.4.2.1.4 / C.4.3.1.3 unique keys). */
export interface RetrieveTarget {
  StudyInstanceUID: string;
  SeriesInstanceUID: string;
  SOPInstanceUID?: string;
}

/** Sub-operation counts of the final C-MOVE/C-GET response. */
export interface RetrieveOutcome {
  completed: number;
  failed: number;
  warning: number;
}

/**
 * Adds the storage presentation contexts of a C-GET (PS3.4 C.4.3.1.2) with SCP/SCU role selection
 * (PS3.7 D.3.3.4: we take the SCP role): for each SOP class one context with the uncompressed
 * syntaxes and, for the first classes, one context per encapsulated syntax.
 */
export function addStorageContexts(association: DimseAssociation, sopClassUids: readonly string[]): void {
  sopClassUids.forEach((sopClass, index) => {
    const sets = [UNCOMPRESSED, ...(index < MAX_CLASSES_WITH_ALL_SYNTAXES ? STORED_TRANSFER_SYNTAXES.map((ts) => [ts]) : [])];
    for (const syntaxes of sets) {
      const id = association.addPresentationContext(sopClass);
      for (const ts of syntaxes) association.addTransferSyntaxToPresentationContext(id, ts);
      const context = association.getPresentationContext(id);
      context.setUserRole(false);
      context.setProviderRole(true);
    }
  });
}

function trackOutcome(node: DimseNode, operation: string, request: { on(event: 'response', listener: (r: DimseResponse) => void): void }) {
  const state: { outcome: RetrieveOutcome; failure?: string } = { outcome: { completed: 0, failed: 0, warning: 0 } };
  request.on('response', (response) => {
    const status = response.getStatus();
    const counts = response as unknown as { getCompleted(): number; getFailures(): number; getWarnings(): number };
    if (!isPending(status)) {
      state.outcome = { completed: counts.getCompleted() ?? 0, failed: counts.getFailures() ?? 0, warning: counts.getWarnings() ?? 0 };
      if (status !== 0 && status !== 0xb000) state.failure = `${operation} on DIMSE node ${nodeLabel(node)} failed: ${statusText(response)}`;
    }
  });
  return state;
}

/**
 * C-GET SCU (PS3.4 C.4.3) of a series or an instance: the PACS sends the instances back on the same
 * association as C-STORE sub-operations, handed to `onStore` as received (no re-encoding).
 * @param sopClassUids the SOP classes to expect (from a C-FIND at IMAGE level), for the storage contexts
 * @throws DimseError for a network failure or a failure status
 */
export async function cGet(
  node: DimseNode,
  target: RetrieveTarget,
  sopClassUids: readonly string[],
  onStore: (raw: RawStoredDataset) => Promise<number>,
  options: OperationOptions,
): Promise<RetrieveOutcome> {
  const { CGetRequest } = dimse.requests;
  const request = target.SOPInstanceUID
    ? CGetRequest.createImageGetRequest(target.StudyInstanceUID, target.SeriesInstanceUID, target.SOPInstanceUID)
    : CGetRequest.createSeriesGetRequest(target.StudyInstanceUID, target.SeriesInstanceUID);
  request.setAddStorageSopClassesToAssociation(sopClassUids.length === 0);
  const state = trackOutcome(node, 'C-GET', request);
  const configure = (association: DimseAssociation): void => {
    association.setMaxPduLength(RECEIVE_MAX_PDU_LENGTH);
    addStorageContexts(association, sopClassUids);
  };
  await runAssociation(node, { requests: [request], ...options, onStore, configure });
  if (state.failure) throw new DimseError('status', state.failure);
  return state.outcome;
}

/**
 * C-MOVE SCU (PS3.4 C.4.2) of a series or an instance to our own Storage SCP: the move destination
 * is this node's calling AE title, which the PACS must know with our host and SCP port.
 * @param touch restarts the inactivity timer (called by the Storage SCP as instances arrive)
 * @throws DimseError for a network failure or a failure status (e.g. 0xA801 unknown destination)
 */
export async function cMove(node: DimseNode, target: RetrieveTarget, options: OperationOptions & { onActivity?: (touch: () => void) => void }): Promise<RetrieveOutcome> {
  const { CMoveRequest } = dimse.requests;
  const destination = node.callingAeTitle;
  const request = target.SOPInstanceUID
    ? CMoveRequest.createImageMoveRequest(destination, target.StudyInstanceUID, target.SeriesInstanceUID, target.SOPInstanceUID)
    : CMoveRequest.createSeriesMoveRequest(destination, target.StudyInstanceUID, target.SeriesInstanceUID);
  const state = trackOutcome(node, 'C-MOVE', request);
  await runAssociation(node, { requests: [request], ...options });
  if (state.failure) throw new DimseError('status', state.failure);
  return state.outcome;
}
