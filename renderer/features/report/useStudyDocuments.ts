import { useEffect, useState } from 'react';
import { isDocumentModality } from '../../../app/dicom/documentSeries';
import type { StudyLocation } from '../../../app/dicomweb/gatewayPaths';
import { readStoredDocument, type StoredDocument } from '../../../app/report';
import { fetchSeriesListFromNode, loadSeriesInstances } from '../../viewer/loadStudyMetadata';

/** The study's documents on its node: loading, read (newest first), or failed with a reason. */
export type StudyDocuments = { status: 'loading' } | { status: 'ready'; documents: StoredDocument[] } | { status: 'failed'; message: string };

/**
 * The reports, key object selections and PDFs the study carries on its node (written by Garde,
 * here or on another workstation, or by anyone), read from their series' metadata; read again
 * when `version` changes (a report was just sent).
 */
export function useStudyDocuments(location: StudyLocation, version: number): StudyDocuments {
  const [state, setState] = useState<StudyDocuments>({ status: 'loading' });
  const { gatewayBaseUrl, nodeId, StudyInstanceUID } = location;
  useEffect(() => {
    const abort = new AbortController();
    const here = { gatewayBaseUrl, nodeId, StudyInstanceUID };
    void (async () => {
      const series = (await fetchSeriesListFromNode(here, abort.signal)).filter((s) => isDocumentModality(s.Modality));
      const documents: StoredDocument[] = [];
      for (const s of series) {
        for (const instance of await loadSeriesInstances(here, s.SeriesInstanceUID, abort.signal)) {
          const document = readStoredDocument(instance);
          if (document) documents.push(document);
        }
      }
      // Newest first; at the same moment (one report's objects), the report, then its key images, then the PDF.
      const rank = { sr: 0, kos: 1, pdf: 2 } as const;
      documents.sort((a, b) => b.contentDateTime.localeCompare(a.contentDateTime) || rank[a.kind] - rank[b.kind] || a.title.localeCompare(b.title));
      if (!abort.signal.aborted) setState({ status: 'ready', documents });
    })().catch((error: unknown) => !abort.signal.aborted && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }));
    return () => abort.abort();
  }, [gatewayBaseUrl, nodeId, StudyInstanceUID, version]);
  return state;
}
