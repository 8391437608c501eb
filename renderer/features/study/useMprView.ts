import { metaData } from '@cornerstonejs/core';
import { useEffect, useRef, useState } from 'react';
import { getString } from '../../../app/dicomweb';
import { checkVolume, type VolumeCheck, type VolumeSlice } from '../../../app/dicom/volumeGeometry';
import { createMprView, type MprPlane, type MprView, type MprViewState } from '../../viewer/createMprView';
import { initCornerstone } from '../../viewer/initCornerstone';
import { loadSeriesImages, type StudyLocation } from '../../viewer/loadStudyMetadata';
import { exposeMprView } from '../../testHooks/mprViewHook';
import { useTaskChain } from './useTaskChain';

/** Where an MPR layout stands. */
export type MprPhase =
  | { status: 'loading' }
  | { status: 'refused'; check: Extract<VolumeCheck, { ok: false }> }
  | { status: 'failed'; message: string }
  | { status: 'shown'; check: Extract<VolumeCheck, { ok: true }>; view: MprView; state: MprViewState; Modality?: string };

/** The largest ArrayBuffer a page can allocate (V8: 2 GiB − 1). */
const MAX_BYTES = 2 ** 31 - 1;

/** The geometry of one image as the metadata providers give it (single-frame or a frame of a multi-frame instance). */
function sliceOf(imageId: string): VolumeSlice {
  const plane = metaData.get('imagePlaneModule', imageId) as
    | { imagePositionPatient?: number[]; imageOrientationPatient?: number[]; rowPixelSpacing?: number; columnPixelSpacing?: number; rows?: number; columns?: number }
    | undefined;
  return {
    ...(plane?.imagePositionPatient ? { ImagePositionPatient: plane.imagePositionPatient } : {}),
    ...(plane?.imageOrientationPatient ? { ImageOrientationPatient: plane.imageOrientationPatient } : {}),
    ...(plane?.rowPixelSpacing && plane.columnPixelSpacing ? { PixelSpacing: [plane.rowPixelSpacing, plane.columnPixelSpacing] } : {}),
    ...(plane?.rows ? { Rows: plane.rows } : {}),
    ...(plane?.columns ? { Columns: plane.columns } : {}),
  };
}

/**
 * Reads a series' metadata, checks that it makes a volume within the device's limits, and shows it
 * in the three elements of `refs` (createMprView) for the life of the component.
 */
export function useMprView(refs: Record<MprPlane, React.RefObject<HTMLDivElement | null>>, location: StudyLocation, SeriesInstanceUID: string): MprPhase {
  const [phase, setPhase] = useState<MprPhase>({ status: 'loading' });
  const container = useRef<HTMLElement | null>(null);
  const { gatewayBaseUrl, nodeId, StudyInstanceUID } = location;
  const inTurn = useTaskChain();
  useEffect(() => {
    const abort = new AbortController();
    let view: MprView | undefined;
    setPhase({ status: 'loading' });
    void inTurn(async () => {
      if (abort.signal.aborted) return;
      const status = await initCornerstone();
      if (!status.ok) throw new Error(status.message);
      const images = await loadSeriesImages({ gatewayBaseUrl, nodeId, StudyInstanceUID }, SeriesInstanceUID, abort.signal);
      const check = checkVolume(
        images.map((image) => sliceOf(image.imageId)),
        { max3DTextureSize: status.max3DTextureSize, maxBytes: MAX_BYTES, bytesPerVoxel: 4 },
      );
      if (abort.signal.aborted) return;
      if (!check.ok) return setPhase({ status: 'refused', check });
      const Modality = getString(images[0]!.instance, '00080060');
      const elements = { axial: refs.axial.current!, sagittal: refs.sagittal.current!, coronal: refs.coronal.current! };
      const imageIds = check.order.map((i) => images[i]!.imageId);
      let latest: MprViewState | undefined;
      const show = (state: MprViewState) => {
        latest = state;
        if (view && !abort.signal.aborted) setPhase({ status: 'shown', check, view, state, ...(Modality ? { Modality } : {}) });
      };
      const created = await createMprView(elements, imageIds, show);
      view = created;
      if (abort.signal.aborted) return created.destroy();
      if (latest) show(latest);
      container.current = elements.axial.closest('[data-testid=mpr-layout]');
      if (import.meta.env.GARDE_TEST_HOOKS && container.current) exposeMprView(container.current, created);
    }).catch((error: unknown) => {
      if (!abort.signal.aborted) setPhase({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      abort.abort();
      view?.destroy();
      if (import.meta.env.GARDE_TEST_HOOKS && container.current) exposeMprView(container.current, undefined);
    };
  }, [refs, gatewayBaseUrl, nodeId, StudyInstanceUID, SeriesInstanceUID, inTurn]);
  return phase;
}
