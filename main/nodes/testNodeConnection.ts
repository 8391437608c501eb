import type { NodeTestResult } from '../../app/ipc/contract';
import type { NodeAdapter } from '../gateway/nodeAdapter';
import { withTimeout } from '../gateway/withTimeout';
import { describePingFailure } from './describePingFailure';

/** Longest wait for a test answer when the node sets no timeout of its own. */
export const TEST_TIMEOUT_MS = 15_000;

/**
 * Pings a node through its adapter (DICOMweb: QIDO-RS `studies?limit=1`; DIMSE: C-ECHO, PS3.7 9.3.5;
 * folder: readable) and says what happened in plain words.
 */
export async function testNodeConnection(adapter: NodeAdapter, timeoutMs = TEST_TIMEOUT_MS): Promise<NodeTestResult> {
  const node = adapter.node;
  const limit = Math.min(timeoutMs, 'timeoutMs' in node ? node.timeoutMs : timeoutMs);
  const started = performance.now();
  let timedOut = false;
  try {
    await withTimeout(limit, undefined, async (signal) => {
      signal.addEventListener('abort', () => (timedOut = true), { once: true });
      await adapter.ping(signal);
    });
    const ms = Math.round(performance.now() - started);
    return { ok: true, ms, message: `${node.name} answered in ${ms} ms` };
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    const failure = describePingFailure(node, error, timedOut, limit);
    return { ok: false, ms, message: failure.message, code: failure.code };
  }
}
