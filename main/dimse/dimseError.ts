import type { DimseNode } from '../../app/nodes';
import { gatewayError } from '../gateway/gatewayError';

/** Why a DIMSE exchange failed. */
export type DimseFailure = 'unreachable' | 'rejected' | 'timeout' | 'aborted' | 'bad-response' | 'status';

/** A failed DIMSE exchange (PS3.7 / PS3.8); the message is English and names the node and the cause. */
export class DimseError extends Error {
  override readonly name = 'DimseError';
  constructor(
    readonly failure: DimseFailure,
    message: string,
  ) {
    super(message);
  }
}

/** A short label of a node for messages: `"PACS Nord" (PACS_NORD@127.0.0.1:4242)`. */
export function nodeLabel(node: DimseNode): string {
  return `"${node.name}" (${node.calledAeTitle}@${node.host}:${node.port})`;
}

const REJECT_REASONS: Record<number, Record<number, string>> = {
  1: { 1: 'no reason given', 2: 'application context name not supported', 3: 'calling AE title not recognized', 7: 'called AE title not recognized' },
  2: { 1: 'no reason given', 2: 'protocol version not supported' },
  3: { 1: 'temporary congestion', 2: 'local limit exceeded' },
};

/** English text of an A-ASSOCIATE-RJ (PS3.8 9.3.4): result, source and reason. */
export function describeReject(reject: { result?: number; source?: number; reason?: number }): string {
  const permanence = reject.result === 2 ? 'transient' : 'permanent';
  const reason = REJECT_REASONS[reject.source ?? 0]?.[reject.reason ?? 0] ?? `reason ${reject.reason ?? '?'}`;
  return `${permanence} rejection: ${reason}`;
}

/**
 * The gateway error response of a failure: 503 NODE_UNREACHABLE for a refused or lost connection,
 * 504 NODE_TIMEOUT, 502 NODE_BAD_RESPONSE for a rejected association, an abort, garbage or a failure status.
 */
export function dimseErrorResponse(error: unknown, node: DimseNode): Response {
  if (error instanceof DimseError) {
    switch (error.failure) {
      case 'unreachable':
        return gatewayError(503, 'NODE_UNREACHABLE', error.message, true);
      case 'timeout':
        return gatewayError(504, 'NODE_TIMEOUT', error.message, true);
      default:
        return gatewayError(502, 'NODE_BAD_RESPONSE', error.message, error.failure === 'aborted');
    }
  }
  const detail = error instanceof Error ? error.message : String(error);
  return gatewayError(502, 'NODE_BAD_RESPONSE', `DIMSE node ${nodeLabel(node)}: ${detail}`);
}
