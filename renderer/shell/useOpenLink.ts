import { useEffect, useRef, useState } from 'react';
import { parseOpenLink, type OpenView } from '../../app/dicom/parseOpenLink';
import type { StudySummary } from '../../app/dicom/studySummary';
import { searchStudies, type WorklistFilter } from '../gateway/searchStudies';
import { useAppServices } from './AppContext';

/** How the link asks the opened study to be shown: a series reformatted (MPR, or MPR and 3D). */
export interface OpenAs {
  SeriesInstanceUID: string;
  view: OpenView;
}

/** What an open-study link led to. */
export type OpenLinkOutcome =
  | { kind: 'none' }
  | { kind: 'searching' }
  | { kind: 'open'; study: StudySummary }
  | { kind: 'choose'; filter: WorklistFilter }
  | { kind: 'not-found' }
  | { kind: 'failed'; message: string };

/**
 * Handles the `/open?StudyInstanceUID=...` address a link leads to (desktop `garde://open` links and
 * web mode alike): finds the study on whichever node has it and opens it; a patient or accession
 * matching several studies opens the worklist filtered on it; nothing is opened by guess.
 */
export function useOpenLink(onOpen: (study: StudySummary, as?: OpenAs) => void, href: string = window.location.href): OpenLinkOutcome {
  const { appInfo } = useAppServices();
  const [request] = useState(() => parseOpenLink(href));
  const [outcome, setOutcome] = useState<OpenLinkOutcome>(request ? { kind: 'searching' } : { kind: 'none' });
  const open = useRef(onOpen);
  useEffect(() => {
    open.current = onOpen;
  }, [onOpen]);

  useEffect(() => {
    if (!request) return;
    window.history.replaceState(null, '', './');
    const filter: WorklistFilter = {
      ...(request.StudyInstanceUID ? { studyInstanceUid: request.StudyInstanceUID } : {}),
      ...(request.PatientID ? { patientId: request.PatientID } : {}),
      ...(request.AccessionNumber ? { accessionNumber: request.AccessionNumber } : {}),
    };
    searchStudies(appInfo.gatewayBaseUrl, filter)
      .then(({ studies }) => {
        const uids = new Set(studies.map((s) => s.StudyInstanceUID));
        if (studies.length === 0) setOutcome({ kind: 'not-found' });
        else if (uids.size === 1) {
          setOutcome({ kind: 'open', study: studies[0]! });
          open.current(studies[0]!, request.SeriesInstanceUID && request.view ? { SeriesInstanceUID: request.SeriesInstanceUID, view: request.view } : undefined);
        }
        else setOutcome({ kind: 'choose', filter });
      })
      .catch((error: Error) => setOutcome({ kind: 'failed', message: error.message }));
  }, [appInfo.gatewayBaseUrl, request]);
  return outcome;
}
