import { getString, type DicomJsonDataset } from '../../app/dicomweb';
import { isScreeningReadInstance, readScreeningRead, SCREENING_READ_SERIES_NUMBER, type StoredRead } from '../../app/screening';
import type { NodeAdapter } from '../gateway/nodeAdapter';

/** The screening reads found in a study on a node, and the SRs that looked like reads but could not be read. */
export interface StudyReads {
  reads: StoredRead[];
  problems: string[];
}

/**
 * A DICOM JSON list asked of a node by main itself (`path` with its query), past the gateway's
 * withholding: [] for 204/404, an Error naming the node otherwise.
 */
export async function nodeJson(adapter: NodeAdapter, path: string, publicBase: string, signal: AbortSignal): Promise<DicomJsonDataset[]> {
  const request = new Request(`http://gateway.internal/${path}`, { headers: { accept: 'application/dicom+json' } });
  const response = await adapter.fetch(request, { path: path.replace(/\?.*$/, ''), publicBase, signal });
  if (response.status === 204 || response.status === 404) {
    await response.body?.cancel();
    return [];
  }
  const text = await response.text();
  if (!response.ok) throw new Error(`${adapter.node.name}: ${path} answered HTTP ${response.status}: ${text.slice(0, 200)}`);
  const parsed: unknown = text ? JSON.parse(text) : [];
  if (!Array.isArray(parsed)) throw new Error(`${adapter.node.name}: ${path} did not answer a JSON array`);
  return parsed as DicomJsonDataset[];
}

/**
 * Every screening read of a study on a node (from this workstation or any other): its SR series
 * (series number 9010, modality SR) found by QIDO-RS, each read from its WADO-RS metadata.
 * Main-process only: the renderer is given reads through the blinding rules, never these.
 */
export async function fetchStudyReads(adapter: NodeAdapter, StudyInstanceUID: string, publicBase: string, signal: AbortSignal): Promise<StudyReads> {
  const series = await nodeJson(adapter, `studies/${StudyInstanceUID}/series?Modality=SR&SeriesNumber=${SCREENING_READ_SERIES_NUMBER}&includefield=0008103E`, publicBase, signal);
  const out: StudyReads = { reads: [], problems: [] };
  for (const s of series) {
    const SeriesInstanceUID = getString(s, '0020000E');
    if (!SeriesInstanceUID) continue;
    for (const instance of await nodeJson(adapter, `studies/${StudyInstanceUID}/series/${SeriesInstanceUID}/metadata`, publicBase, signal)) {
      if (!isScreeningReadInstance(instance)) continue;
      const result = readScreeningRead(instance);
      if ('read' in result) out.reads.push(result.read);
      else out.problems.push(result.problem);
    }
  }
  return out;
}
