import { eventTarget } from '@cornerstonejs/core';
import { annotation, Enums as ToolEnums } from '@cornerstonejs/tools';
import { useEffect, useState } from 'react';
import { getSharedCache, markStudyOpened, parseStudyId } from '../../cache';
import { annotationsOn, listMeasurements, type Measurement } from '../../viewer/measurements';
import { localMeasurementStore, rebaseAnnotations, restoreAnnotations, type MeasurementStore } from '../../viewer/measurementStore';

const EVENTS = [ToolEnums.Events.ANNOTATION_ADDED, ToolEnums.Events.ANNOTATION_COMPLETED, ToolEnums.Events.ANNOTATION_MODIFIED, ToolEnums.Events.ANNOTATION_REMOVED];

/**
 * The measurements of one study while it is open: restored from `store` when the study opens,
 * saved to it on every change, and taken out of the viewer's annotation state when it closes.
 * `studyUrl` is the prefix of the study's image ids. The default store is the local cache's
 * (kept across reloads, sealed), or the session's when the page has no cache. Opening the study
 * is recorded for the worklist's read state (in progress).
 */
export function useStudyMeasurements(studyKey: string, studyUrl: string, ready: boolean, store: MeasurementStore = localMeasurementStore): Measurement[] {
  const [measurements, setMeasurements] = useState<Measurement[]>([]);
  useEffect(() => {
    const { nodeId, StudyInstanceUID } = parseStudyId(studyKey);
    void getSharedCache()
      .then((cache) => cache && markStudyOpened(cache, nodeId, StudyInstanceUID))
      .catch((error: unknown) => console.warn('opening not recorded:', error instanceof Error ? error.message : error));
  }, [studyKey]);
  useEffect(() => {
    if (!ready) return;
    const belongs = (imageId: string) => imageId.includes(`${studyUrl}/`);
    let live = true;
    let restored = false;
    const refresh = () => {
      if (!live || !restored) return;
      setMeasurements(listMeasurements(belongs));
      void store.save(studyKey, annotationsOn(belongs));
    };
    void store.load(studyKey).then((saved) => {
      if (!live) return;
      restoreAnnotations(rebaseAnnotations(saved, studyUrl));
      restored = true;
      refresh();
    });
    for (const name of EVENTS) eventTarget.addEventListener(name, refresh);
    return () => {
      live = false;
      for (const name of EVENTS) eventTarget.removeEventListener(name, refresh);
      if (!restored) return;
      const mine = annotationsOn(belongs);
      void store.save(studyKey, mine);
      for (const a of mine) if (a.annotationUID) annotation.state.removeAnnotation(a.annotationUID);
    };
  }, [studyKey, studyUrl, ready, store]);
  return measurements;
}
