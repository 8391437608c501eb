import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisplayOptions } from '../../../app/hanging';
import { alignImageEdge } from '../../viewer/alignImageEdge';
import { createStackView, type StackView, type StackViewState } from '../../viewer/createStackView';
import { initCornerstone } from '../../viewer/initCornerstone';
import { loadSeriesImages, type StudyLocation } from '../../viewer/loadStudyMetadata';
import type { SeriesImage } from '../../viewer/orderSeriesImages';
import { exposeStackView } from '../../testHooks/stackViewHook';
import { presetsOf } from './presetsOf';

/** What a viewport shows: a whole series (scrollable), or one image of it when SOPInstanceUID is set. */
export interface StackContent {
  SeriesInstanceUID: string;
  SOPInstanceUID?: string;
  /** The hanging protocol's display options (window preset, flip, chest wall alignment). */
  display?: DisplayOptions;
}

/**
 * Where the stack stands: series metadata loading or failed, else the viewport's own state, with
 * `applied` once the display options are (window preset, flip, alignment).
 */
export type StackPhase = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'shown'; view: StackViewState; applied: boolean };

/** Fits, sets the protocol's window preset (by name, among the image's presets) and aligns the chest wall. */
function applyDisplay(element: HTMLDivElement, view: StackView, image: SeriesImage | undefined, display: DisplayOptions, window: boolean): void {
  view.fit();
  const preset = window ? display.windowPreset?.toLowerCase() : undefined;
  const found = preset ? presetsOf(image?.instance, view.valueRange()).find((p) => p.name.toLowerCase() === preset) : undefined;
  if (found) view.setWindow(found.width, found.center);
  if (display.alignment && display.chestWallSide) alignImageEdge(element, display.chestWallSide, display.alignment);
}

/**
 * Binds a Cornerstone3D stack view to the element of `ref` for the life of the component, and
 * shows `content` in it (metadata through the gateway, then frames by WADO-RS): the series, or the
 * one image the protocol chose, with the display options. A cell aligned to an edge (mammography)
 * is fitted and aligned again when resized; other cells keep the reader's zoom and window.
 */
export function useStackCell(ref: RefObject<HTMLDivElement | null>, location: StudyLocation, content: StackContent | undefined) {
  const { t } = useTranslation();
  const arrowLabel = t('viewer.tools.arrowLabel');
  const [view, setView] = useState<StackView>();
  const [state, setState] = useState<StackViewState>();
  const [applied, setApplied] = useState(false);
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
      if (import.meta.env.GARDE_TEST_HOOKS) exposeStackView(element, created);
      setView(created);
    });
    return () => {
      live = false;
      created?.destroy();
      if (import.meta.env.GARDE_TEST_HOOKS) exposeStackView(element, undefined);
    };
    // The arrow label is read once, when the view is created.
  }, [ref]);

  const { SeriesInstanceUID, SOPInstanceUID, display } = content ?? {};
  const { gatewayBaseUrl, nodeId, StudyInstanceUID } = location;
  useEffect(() => {
    const element = ref.current;
    if (!view || !element || !SeriesInstanceUID) return;
    const abort = new AbortController();
    let shown: SeriesImage[] = [];
    setApplied(false);
    setFailure(undefined);
    setImages([]);
    const apply = (window: boolean) => {
      if (abort.signal.aborted || shown.length === 0 || !display) return;
      applyDisplay(element, view, shown[0], display, window);
    };
    loadSeriesImages({ gatewayBaseUrl, nodeId, StudyInstanceUID }, SeriesInstanceUID, abort.signal)
      .then(async (all) => {
        if (abort.signal.aborted) return;
        shown = SOPInstanceUID ? all.filter((i) => i.SOPInstanceUID === SOPInstanceUID) : all;
        if (shown.length === 0) throw new Error('no image in this series');
        setImages(shown);
        // A frame that cannot be loaded is reported through the view's state (error), not thrown.
        const loaded = await view.setStack(shown.map((i) => i.imageId)).then(
          () => true,
          () => false,
        );
        if (abort.signal.aborted) return;
        if (loaded && display?.flipHorizontal) view.flip(true);
        if (loaded) apply(true);
        setApplied(true);
      })
      .catch((error: Error) => !abort.signal.aborted && setFailure(error.message));
    // A resized aligned cell keeps its camera: fit and align again once the canvas follows the new size.
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      if (display?.alignment) frame = requestAnimationFrame(() => apply(false));
    });
    observer.observe(element);
    return () => {
      abort.abort();
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [ref, view, gatewayBaseUrl, nodeId, StudyInstanceUID, SeriesInstanceUID, SOPInstanceUID, display]);

  const phase: StackPhase = failure ? { status: 'failed', message: failure } : state && SeriesInstanceUID ? { status: 'shown', view: state, applied } : { status: 'loading' };
  return { phase, view, images };
}
