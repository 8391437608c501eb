import type { NodeConfig } from '../../app/nodes';
import { gatewayError } from '../gateway/gatewayError';

/**
 * The gateway error for a request to a node that failed in transit: refused or reset connection,
 * TLS failure, timeout, or a body cut off mid-transfer. The message names the node and the cause.
 */
export function upstreamFailure(node: NodeConfig, error: unknown, signal: AbortSignal): Response {
  if (signal.aborted) {
    return gatewayError(504, 'NODE_TIMEOUT', `${node.name} did not answer in time`, true);
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code ?? '';
  const detail = cause?.message ?? (error as Error).message ?? String(error);
  if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'].includes(code)) {
    return gatewayError(503, 'NODE_UNREACHABLE', `${node.name} cannot be reached (${code})`, true);
  }
  if (/CERT|SSL|TLS|self.signed|certificate/i.test(`${code} ${detail}`)) {
    return gatewayError(502, 'NODE_BAD_RESPONSE', `${node.name}: TLS failure (${code || detail})`, false);
  }
  return gatewayError(502, 'NODE_BAD_RESPONSE', `${node.name}: connection failed mid-transfer (${code || detail})`, true);
}
