import type { ErrorCode } from '../../app/ipc/errors';
import type { NodeConfig } from '../../app/nodes';

const UNREACHABLE_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNRESET', 'ENOENT', 'EACCES'];

/**
 * Classifies why a node's ping failed (QIDO-RS ping, C-ECHO, folder access) into an error code the
 * UI translates, with a plain English sentence naming the node.
 */
export function describePingFailure(node: NodeConfig, error: unknown, timedOut: boolean, timeoutMs: number): { code: ErrorCode; message: string } {
  const err = error as { message?: string; code?: string; failure?: string; cause?: { code?: string; message?: string } };
  const code = err?.cause?.code ?? err?.code ?? '';
  const detail = err?.cause?.message ?? err?.message ?? String(error);
  if (timedOut || err?.failure === 'timeout') {
    return { code: 'NODE_TIMEOUT', message: `${node.name} did not answer within ${Math.round(timeoutMs / 1000)} s` };
  }
  if (err?.code === 'VAULT_INVALID') return { code: 'VAULT_INVALID', message: detail };
  if (/credentials refused|HTTP 40[13]\b/.test(detail)) {
    return { code: 'NODE_AUTH_FAILED', message: `${node.name} refused the credentials (${detail.replace(/^.*\((HTTP \d+)\).*$/, '$1')})` };
  }
  if (err?.failure === 'unreachable' || UNREACHABLE_CODES.includes(code) || node.kind === 'folder') {
    return { code: 'NODE_UNREACHABLE', message: `${node.name} cannot be reached: ${detail}` };
  }
  return { code: 'NODE_BAD_RESPONSE', message: `${node.name} answered, but not as expected: ${detail}` };
}
