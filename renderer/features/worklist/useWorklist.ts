import { useCallback, useEffect, useRef, useState } from 'react';
import { compareWorklist } from '../../../app/dicom/studySummary';
import { identityFlags, type IdentityFlag } from '../../../app/identity';
import { withCachedStudies, type OfflineAwareResult } from '../../cache/offlineWorklist';
import { searchStudies, type WorklistFilter } from '../../gateway/searchStudies';
import { useAppServices } from '../../shell/AppContext';

/** The worklist's search state. */
export type WorklistState =
  | { status: 'idle' | 'loading' }
  | { status: 'ready'; result: OfflineAwareResult; flags: Map<number, IdentityFlag> }
  | { status: 'error'; code: string; message: string };

/**
 * Runs the federated search for a filter; a new search cancels the previous one. Cached studies of
 * nodes that could not be searched are listed from the local cache, marked offline.
 */
export function useWorklist(filter: WorklistFilter): { state: WorklistState; refresh: () => void } {
  const { appInfo } = useAppServices();
  const [state, setState] = useState<WorklistState>({ status: 'idle' });
  const [generation, setGeneration] = useState(0);
  const inFlight = useRef<AbortController | undefined>(undefined);

  useEffect(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setState({ status: 'loading' });
    searchStudies(appInfo.gatewayBaseUrl, filter, controller.signal)
      .then((result) => withCachedStudies(result, filter))
      .then((result) => {
        if (controller.signal.aborted) return;
        const studies = [...result.studies].sort(compareWorklist);
        setState({ status: 'ready', result: { ...result, studies }, flags: identityFlags(studies) });
      })
      .catch((error: Error & { code?: string }) => {
        if (!controller.signal.aborted) setState({ status: 'error', code: error.code ?? 'INTERNAL', message: error.message });
      });
    return () => controller.abort();
  }, [appInfo.gatewayBaseUrl, filter, generation]);

  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  return { state, refresh };
}
