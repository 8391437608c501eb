import { useEffect, useState } from 'react';
import type { StudySummary } from '../../../app/dicom/studySummary';
import type { StudyLocation } from '../../viewer/loadStudyMetadata';
import { loadHangingLayout, type HangingLayout } from './loadHangingLayout';

/** The hanging layout of an open study: still being worked out, chosen, or none (no protocol applies, or it failed). */
export type HangingState = { status: 'loading' } | { status: 'ready'; layout: HangingLayout } | { status: 'none' };

/** Works out the study's hanging layout once per study (see loadHangingLayout). */
export function useHangingLayout(location: StudyLocation, study: StudySummary): HangingState {
  const [state, setState] = useState<HangingState>({ status: 'loading' });
  const { gatewayBaseUrl, nodeId, StudyInstanceUID } = location;
  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    loadHangingLayout({ gatewayBaseUrl, nodeId, StudyInstanceUID }, study, abort.signal)
      .then((layout) => !abort.signal.aborted && setState(layout ? { status: 'ready', layout } : { status: 'none' }))
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        console.warn('hanging protocol not applied:', error instanceof Error ? error.message : error);
        setState({ status: 'none' });
      });
    return () => abort.abort();
    // The study summary is the one of this StudyInstanceUID: it does not change while the study is open.
  }, [gatewayBaseUrl, nodeId, StudyInstanceUID]);
  return state;
}
