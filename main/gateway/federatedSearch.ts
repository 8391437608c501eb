import { buildQidoQuery, parseQidoParams } from '../../app/dicomweb';
import { dicomwebPath } from '../../app/dicomweb/parseDicomwebPath';
import type { DicomJsonDataset } from '../../app/dicomweb';
import type { FederatedSearchResult, NodeSearchOutcome } from '../../app/dicomweb/gatewayPaths';
import type { NodeRegistry } from './nodeRegistry';
import { withTimeout } from './withTimeout';

/**
 * QIDO-RS study search (PS3.18 10.6) on every node at once. Each node has its own timeout; a slow
 * or broken node contributes its error instead of results, never a hang of the whole search.
 * Studies are not merged across nodes: the same study on two nodes is two results, each with its
 * node id (identity decisions belong to app/identity, not to the transport).
 */
export async function federatedSearch(registry: NodeRegistry, search: URLSearchParams, publicBase: (nodeId: string) => string, timeoutMs: number, signal?: AbortSignal): Promise<FederatedSearchResult> {
  const query = buildQidoQuery(parseQidoParams(search.entries()));
  const outcomes = await Promise.all(
    registry.all().map(async (adapter) => {
      const nodeId = adapter.node.id;
      const started = performance.now();
      const done = (partial: Omit<NodeSearchOutcome, 'nodeId' | 'ms'>, studies: DicomJsonDataset[] = []) => ({
        outcome: { nodeId, ms: Math.round(performance.now() - started), ...partial },
        studies,
      });
      try {
        return await withTimeout(timeoutMs, signal, async (nodeSignal) => {
          const url = `${publicBase(nodeId)}/${dicomwebPath({ kind: 'search', level: 'studies' })}${query ? `?${query}` : ''}`;
          const response = await Promise.race([
            adapter.fetch(new Request(url, { headers: { accept: 'application/dicom+json' } }), { path: 'studies', publicBase: publicBase(nodeId), signal: nodeSignal }),
            new Promise<never>((_, reject) => nodeSignal.addEventListener('abort', () => reject(new Error('timeout')), { once: true })),
          ]);
          if (!response.ok) {
            const error = (await response.json().catch(() => ({}))) as NodeSearchOutcome['error'];
            registry.markReachable(nodeId, response.status < 500 || response.status === 502, error?.message);
            return done({ ok: false, count: 0, error: error?.code ? error : { code: 'NODE_BAD_RESPONSE', message: `HTTP ${response.status}`, retryable: true } });
          }
          const text = await response.text();
          const studies = text.trim() === '' ? [] : (JSON.parse(text) as DicomJsonDataset[]);
          if (!Array.isArray(studies)) throw new Error('QIDO-RS answer is not a JSON array');
          registry.markReachable(nodeId, true);
          return done({ ok: true, count: studies.length }, studies);
        });
      } catch (error) {
        const timedOut = (error as Error).message === 'timeout';
        const message = timedOut ? `${adapter.node.name} did not answer within ${timeoutMs} ms` : `${adapter.node.name}: ${(error as Error).message}`;
        registry.markReachable(nodeId, false, message);
        return done({ ok: false, count: 0, error: { code: timedOut ? 'NODE_TIMEOUT' : 'NODE_BAD_RESPONSE', message, retryable: true } });
      }
    }),
  );
  return {
    results: outcomes.flatMap((o) => o.studies.map((study) => ({ nodeId: o.outcome.nodeId, study }))),
    nodes: outcomes.map((o) => o.outcome),
  };
}
