import { useCallback, useEffect, useState } from 'react';
import type { StudySummary } from '../../../app/dicom/studySummary';
import { getSharedCache, markStudyNew, ReadState, watchReadStates } from '../../cache';
import { studyKey } from '../../../app/sync/studyKey';

/** The worklist's read states, and the reader's "mark as new". */
export interface ReadStates {
  /** A study's read state; undefined while unknown or without a local cache (nothing is shown then). */
  of(study: StudySummary): ReadState | undefined;
  /** Marks a study as new (unread). */
  markNew(study: StudySummary): void;
  /** Whether read states are known (a local cache is open and has been read). */
  known: boolean;
}

/**
 * Read states of the worklist's studies from the local cache, kept up to date as the reader opens
 * studies and the outbox sends their answers (Dexie live query). Without a cache, none is known.
 */
export function useReadStates(): ReadStates {
  const [states, setStates] = useState<Map<string, ReadState>>();
  useEffect(() => {
    let stop: (() => void) | undefined;
    let live = true;
    void getSharedCache().then((cache) => {
      if (cache && live) stop = watchReadStates(cache, setStates, (error) => console.warn('read states unavailable:', error instanceof Error ? error.message : error));
    });
    return () => {
      live = false;
      stop?.();
    };
  }, []);
  const of = useCallback((s: StudySummary) => (states ? (states.get(studyKey(s.nodeId, s.StudyInstanceUID)) ?? ReadState.new) : undefined), [states]);
  const markNew = useCallback((s: StudySummary) => {
    void getSharedCache()
      .then((cache) => cache && markStudyNew(cache, s.nodeId, s.StudyInstanceUID))
      .catch((error: unknown) => console.warn('not marked as new:', error instanceof Error ? error.message : error));
  }, []);
  return { of, markNew, known: states !== undefined };
}
