import { useEffect, useState } from 'react';
import { isDocumentModality } from '../../../app/dicom/documentSeries';
import { fetchSeriesList, type SeriesSummary, type StudyLocation } from '../../viewer/loadStudyMetadata';

/** The series list of a study: loading, ready, or failed with the gateway's message. */
export type SeriesListState = { status: 'loading' } | { status: 'ready'; series: SeriesSummary[] } | { status: 'failed'; message: string };

/** Fetches the image series of a study once per study location (document series, SR, KOS, PDF, are the report panel's). */
export function useSeriesList(location: StudyLocation): SeriesListState {
  const [state, setState] = useState<SeriesListState>({ status: 'loading' });
  const { gatewayBaseUrl, nodeId, StudyInstanceUID } = location;
  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    fetchSeriesList({ gatewayBaseUrl, nodeId, StudyInstanceUID }, abort.signal).then(
      (series) => setState({ status: 'ready', series: series.filter((s) => !isDocumentModality(s.Modality)) }),
      (error: Error) => !abort.signal.aborted && setState({ status: 'failed', message: error.message }),
    );
    return () => abort.abort();
  }, [gatewayBaseUrl, nodeId, StudyInstanceUID]);
  return state;
}
