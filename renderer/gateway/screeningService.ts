import { gatewayUrl } from '../../app/dicomweb/gatewayPaths';
import type { ScreeningCaseAnswer, ScreeningCaseRow } from '../../app/screening';

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { credentials: 'same-origin', signal, headers: { accept: 'application/json' } });
  const body = (await response.json()) as T & { code?: string; message?: string };
  if (!response.ok) throw Object.assign(new Error(body.message ?? `HTTP ${response.status}`), { code: body.code ?? 'INTERNAL' });
  return body;
}

/** The screening cases of a node for the reader of Settings (`<gateway>/nodes/<id>/screening/cases`), from the studies matching `query`. */
export function fetchScreeningCases(gatewayBaseUrl: string, nodeId: string, query = '', signal?: AbortSignal): Promise<ScreeningCaseRow[]> {
  return getJson(gatewayUrl(gatewayBaseUrl, { kind: 'screening', nodeId }, query), signal);
}

/** One case with the reads the reader may see (`<gateway>/nodes/<id>/screening/studies/<uid>`). */
export function fetchScreeningCase(gatewayBaseUrl: string, nodeId: string, StudyInstanceUID: string, signal?: AbortSignal): Promise<ScreeningCaseAnswer> {
  return getJson(gatewayUrl(gatewayBaseUrl, { kind: 'screening', nodeId, StudyInstanceUID }), signal);
}

/** The readers' statistics over the node's closed cases (`<gateway>/nodes/<id>/screening/statistics`), as CSV text. */
export async function fetchScreeningStatistics(gatewayBaseUrl: string, nodeId: string, signal?: AbortSignal): Promise<Blob> {
  const response = await fetch(gatewayUrl(gatewayBaseUrl, { kind: 'screening', nodeId, statistics: true }), { credentials: 'same-origin', signal });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    throw Object.assign(new Error(body.message ?? `HTTP ${response.status}`), { code: body.code ?? 'INTERNAL' });
  }
  return response.blob();
}
