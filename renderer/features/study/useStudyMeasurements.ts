import { eventTarget } from '@cornerstonejs/core';
import { annotation, Enums as ToolEnums } from '@cornerstonejs/tools';
import { useEffect, useState } from 'react';
import { parseFrameUrl, type StudyLocation } from '../../../app/dicomweb/gatewayPaths';
import { getSharedCache, markStudyOpened } from '../../cache';
import { absoluteLocation } from '../../viewer/loadStudyMetadata';
import { annotationsOn, listMeasurements, type Measurement } from '../../viewer/measurements';
import { localMeasurementStore, restoreAnnotations, type MeasurementStore } from '../../viewer/measurementStore';

const EVENTS = [ToolEnums.Events.ANNOTATION_ADDED, ToolEnums.Events.ANNOTATION_COMPLETED, ToolEnums.Events.ANNOTATION_MODIFIED, ToolEnums.Events.ANNOTATION_REMOVED];

/**
 * The measurements of one study while it is open: restored from `store` when the study opens,
 * saved to it on every change, and taken out of the viewer's annotation state when it closes; an
 * annotation belongs to the study when its image is a frame of the study's node and
 * StudyInstanceUID (gatewayPaths.ts `parseFrameUrl`). The default store is the local cache's
 * (kept across reloads, sealed), or the session's when the page has no cache. Opening the study
 * is recorded for the worklist's read state (in progress).
 */
export function useStudyMeasurements(location: StudyLocation, ready: boolean, store: MeasurementStore = localMeasurementStore): Measurement[] {
  const [measurements, setMeasurements] = useState<Measurement[]>([]);
  const { gatewayBaseUrl, nodeId, StudyInstanceUID } = location;
  useEffect(() => {
    void getSharedCache()
      .then((cache) => cache && markStudyOpened(cache, nodeId, StudyInstanceUID))
      .catch((error: unknown) => console.warn('opening not recorded:', error instanceof Error ? error.message : error));
  }, [nodeId, StudyInstanceUID]);
  useEffect(() => {
    if (!ready) return;
    const here = absoluteLocation({ gatewayBaseUrl, nodeId, StudyInstanceUID });
    const belongs = (imageId: string) => {
      const frame = parseFrameUrl(imageId.replace(/^wadors:/, ''));
      return frame?.nodeId === nodeId && frame.StudyInstanceUID === StudyInstanceUID;
    };
    let live = true;
    let restored = false;
    const refresh = () => {
      if (!live || !restored) return;
      setMeasurements(listMeasurements(belongs));
      void store.save(here, annotationsOn(belongs));
    };
    void store.load(here).then((saved) => {
      if (!live) return;
      restoreAnnotations(saved);
      restored = true;
      refresh();
    });
    for (const name of EVENTS) eventTarget.addEventListener(name, refresh);
    return () => {
      live = false;
      for (const name of EVENTS) eventTarget.removeEventListener(name, refresh);
      if (!restored) return;
      const mine = annotationsOn(belongs);
      void store.save(here, mine);
      for (const a of mine) if (a.annotationUID) annotation.state.removeAnnotation(a.annotationUID);
    };
  }, [gatewayBaseUrl, nodeId, StudyInstanceUID, ready, store]);
  return measurements;
}
