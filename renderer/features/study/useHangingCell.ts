import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignedDisplaySet, DisplayOptions } from '../../../app/hanging';
import { alignImageEdge } from '../../viewer/alignImageEdge';
import { createStackView, type StackView, type StackViewState } from '../../viewer/createStackView';
import { initCornerstone } from '../../viewer/initCornerstone';
import { loadSeriesImages, type StudyLocation } from '../../viewer/loadStudyMetadata';
import type { SeriesImage } from '../../viewer/orderSeriesImages';
import { presetsOf } from './presetsOf';
import { STACK_VIEW_PROPERTY } from './useStackView';

/** Where a hanging cell stands: loading, failed, or shown (with `aligned` once its display options are applied). */
export type CellPhase = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'shown'; view: StackViewState; aligned: boolean };

/** Applies a viewport's display options: window preset, horizontal flip, chest wall alignment. */
function applyDisplay(element: HTMLDivElement, view: StackView, image: SeriesImage | undefined, display: DisplayOptions): void {
  view.fit();
  const preset = display.windowPreset?.toLowerCase();
  const window = preset ? presetsOf(image?.instance, view.valueRange()).find((p) => p.name.toLowerCase() === preset) : undefined;
  if (window) view.setWindow(window.width, window.center);
  if (display.alignment && display.chestWallSide) alignImageEdge(element, display.chestWallSide, display.alignment);
}

/**
 * Binds a stack view to the element of `ref` and shows one viewport of a hanging stage: its series,
 * or the single image the protocol chose (a one-image stack), with the viewport's display options,
 * applied again when the cell is resized.
 */
export function useHangingCell(ref: RefObject<HTMLDivElement | null>, location: StudyLocation, displaySet: AssignedDisplaySet, display: DisplayOptions) {
  const { t } = useTranslation();
  const arrowLabel = t('viewer.tools.arrowLabel');
  const [view, setView] = useState<StackView>();
  const [state, setState] = useState<StackViewState>();
  const [aligned, setAligned] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [images, setImages] = useState<SeriesImage[]>([]);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let live = true;
    let created: StackView | undefined;
    void initCornerstone().then((status) => {
      if (!live) return;
      if (!status.ok) return setFailure(status.message);
      created = createStackView(element, (s) => live && setState(s), { arrowLabel });
      Object.assign(element, { [STACK_VIEW_PROPERTY]: created });
      setView(created);
    });
    return () => {
      live = false;
      created?.destroy();
      Object.assign(element, { [STACK_VIEW_PROPERTY]: undefined });
    };
    // The arrow label is read once, when the view is created.
  }, [ref]);

  const { SeriesInstanceUID, SOPInstanceUID } = displaySet;
  const { gatewayBaseUrl, nodeId, StudyInstanceUID } = location;
  useEffect(() => {
    const element = ref.current;
    if (!view || !element) return;
    const abort = new AbortController();
    let shown: SeriesImage[] = [];
    setAligned(false);
    setFailure(undefined);
    const apply = () => {
      if (abort.signal.aborted || shown.length === 0) return;
      applyDisplay(element, view, shown[0], display);
      setAligned(true);
    };
    loadSeriesImages({ gatewayBaseUrl, nodeId, StudyInstanceUID }, SeriesInstanceUID, abort.signal)
      .then(async (all) => {
        if (abort.signal.aborted) return;
        shown = SOPInstanceUID ? all.filter((i) => i.SOPInstanceUID === SOPInstanceUID) : all;
        if (shown.length === 0) throw new Error('no image in this series');
        setImages(shown);
        await view.setStack(shown.map((i) => i.imageId));
        if (display.flipHorizontal) view.flip(true);
        apply();
      })
      .catch((error: Error) => !abort.signal.aborted && setFailure(error.message));
    // A resized cell keeps its camera: fit and align again once the canvas follows the new size.
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(apply);
    });
    observer.observe(element);
    return () => {
      abort.abort();
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [ref, view, gatewayBaseUrl, nodeId, StudyInstanceUID, SeriesInstanceUID, SOPInstanceUID, display]);

  const phase: CellPhase = failure ? { status: 'failed', message: failure } : state ? { status: 'shown', view: state, aligned } : { status: 'loading' };
  return { phase, view, images };
}
