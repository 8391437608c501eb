import { getString, type DicomJsonDataset } from '../../app/dicomweb';
import type { DicomwebResource } from '../../app/dicomweb/parseDicomwebPath';
import { COMPREHENSIVE_SR, isScreeningReadInstance, SCREENING_READ_SERIES_NUMBER } from '../../app/screening';
import { gatewayError } from '../gateway/gatewayError';
import type { NodeAdapter } from '../gateway/nodeAdapter';
import { nodeJson } from './studyReads';

/**
 * Blinding of screening reads at the gateway: the renderer never receives a screening read through
 * the DICOMweb routes (QIDO-RS lists, WADO-RS metadata and retrieves of a study); it gets the
 * reads it may see, parsed, through the screening service, which applies the programme's rules.
 * Not hiding in the page: the answers the page receives do not hold them.
 */
export class ReadWithholding {
  /** Series of screening reads seen, per node. */
  private readonly readSeries = new Map<string, Set<string>>();

  private seriesOf(nodeId: string): Set<string> {
    let set = this.readSeries.get(nodeId);
    if (!set) this.readSeries.set(nodeId, (set = new Set()));
    return set;
  }

  /** Notes the series of reads found (by the screening service or in an answer). */
  note(nodeId: string, SeriesInstanceUIDs: Iterable<string>): void {
    const set = this.seriesOf(nodeId);
    for (const uid of SeriesInstanceUIDs) set.add(uid);
  }

  private isRead(nodeId: string, entry: DicomJsonDataset): boolean {
    const series = getString(entry, '0020000E');
    if (series && this.seriesOf(nodeId).has(series)) return true;
    const modality = getString(entry, '00080060');
    const seriesNumber = getString(entry, '00200011');
    const read = isScreeningReadInstance(entry) || (modality === 'SR' && Number(seriesNumber) === SCREENING_READ_SERIES_NUMBER);
    if (read && series) this.note(nodeId, [series]);
    return read;
  }

  /** Learns the read series of a study from the node (series number 9010, modality SR); returns them. */
  private async learnStudy(adapter: NodeAdapter, StudyInstanceUID: string, publicBase: string, signal: AbortSignal): Promise<string[]> {
    const series = await nodeJson(adapter, `studies/${StudyInstanceUID}/series?Modality=SR&SeriesNumber=${SCREENING_READ_SERIES_NUMBER}`, publicBase, signal);
    const found = series.flatMap((s) => getString(s, '0020000E') ?? []);
    this.note(adapter.node.id, found);
    return found;
  }

  /**
   * The node's answer as the renderer may receive it: read entries dropped from JSON lists, a
   * retrieve of a read series refused (403), a whole-study retrieve refused while the study holds
   * reads (the viewer retrieves by series).
   */
  async filter(adapter: NodeAdapter, resource: DicomwebResource | undefined, response: Response, publicBase: string, signal: AbortSignal): Promise<Response> {
    if (!resource || !response.ok || resource.kind === 'store' || resource.kind === 'bulkdata') return response;
    const nodeId = adapter.node.id;
    const refused = async () => {
      await response.body?.cancel();
      return gatewayError(403, 'READ_BLINDED', 'Screening reads are given through the screening service, under its blinding rules');
    };
    const { StudyInstanceUID } = resource;
    const SeriesInstanceUID = 'SeriesInstanceUID' in resource ? resource.SeriesInstanceUID : undefined;
    if (SeriesInstanceUID && this.seriesOf(nodeId).has(SeriesInstanceUID)) return refused();
    const isJson = /json/.test(response.headers.get('content-type') ?? '');
    if (!isJson) {
      if (resource.kind === 'retrieve' && resource.what === 'instances' && StudyInstanceUID && !SeriesInstanceUID) {
        if ((await this.learnStudy(adapter, StudyInstanceUID, publicBase, signal)).length > 0) return refused();
      }
      return response;
    }
    const text = await response.text();
    // Most answers name no SR at all: passed on without parsing them again.
    const mayHoldReads = text.includes(COMPREHENSIVE_SR) || text.includes(String(SCREENING_READ_SERIES_NUMBER)) || [...this.seriesOf(nodeId)].some((uid) => text.includes(uid));
    if (!mayHoldReads) return new Response(text, { status: response.status, headers: response.headers });
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!Array.isArray(parsed)) return new Response(text, { status: response.status, headers: response.headers });
    const entries = parsed as DicomJsonDataset[];
    // An instance list names SR instances without their series number: learn the study's read series first.
    if (StudyInstanceUID && entries.some((e) => getString(e, '00080016') === COMPREHENSIVE_SR && getString(e, '00200011') === undefined)) await this.learnStudy(adapter, StudyInstanceUID, publicBase, signal);
    const kept = entries.filter((e) => !this.isRead(nodeId, e));
    if (kept.length === entries.length) return new Response(text, { status: response.status, headers: response.headers });
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    return kept.length === 0 && resource.kind === 'search' ? new Response(null, { status: 204, headers }) : new Response(JSON.stringify(kept), { status: response.status, headers });
  }
}
