import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { createStackView, type StackView, type StackViewState } from '../../viewer/createStackView';
import { initCornerstone } from '../../viewer/initCornerstone';
import { loadSeriesImages, type StudyLocation } from '../../viewer/loadStudyMetadata';
import type { SeriesImage } from '../../viewer/orderSeriesImages';

/** Where the stack stands: series metadata loading or failed, else the viewport's own state. */
export type StackPhase = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'shown'; view: StackViewState };

/** The element property through which tests and scripts reach the view (read pixels, scroll). */
export const STACK_VIEW_PROPERTY = 'gardeStackView';

/**
 * Binds a Cornerstone3D stack view to the element of `ref` for the life of the component, and
 * shows the given series in it (metadata through the gateway, then frames by WADO-RS).
 */
export function useStackView(
  ref: RefObject<HTMLDivElement | null>,
  location: StudyLocation,
  SeriesInstanceUID: string | undefined,
): { phase: StackPhase; view: StackView | undefined; images: SeriesImage[] } {
  const { t } = useTranslation();
  const arrowLabel = t('viewer.tools.arrowLabel');
  const [view, setView] = useState<StackView>();
  const [images, setImages] = useState<SeriesImage[]>([]);
  const [phase, setPhase] = useState<StackPhase>({ status: 'loading' });

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let live = true;
    let created: StackView | undefined;
    void initCornerstone().then((status) => {
      if (!live) return;
      if (!status.ok) {
        setPhase({ status: 'failed', message: status.message });
        return;
      }
      created = createStackView(element, (state) => live && setPhase({ status: 'shown', view: state }), { arrowLabel });
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

  const { gatewayBaseUrl, nodeId, StudyInstanceUID } = location;
  useEffect(() => {
    if (!view || !SeriesInstanceUID) return;
    const abort = new AbortController();
    setPhase({ status: 'loading' });
    setImages([]);
    loadSeriesImages({ gatewayBaseUrl, nodeId, StudyInstanceUID }, SeriesInstanceUID, abort.signal)
      .then((images) => {
        if (abort.signal.aborted) return;
        if (images.length === 0) throw new Error('no image in this series');
        setImages(images);
        // A frame that cannot be loaded is reported through the view's state (error), not thrown.
        return view.setStack(images.map((i) => i.imageId)).catch(() => undefined);
      })
      .catch((error: Error) => !abort.signal.aborted && setPhase({ status: 'failed', message: error.message }));
    return () => abort.abort();
  }, [view, gatewayBaseUrl, nodeId, StudyInstanceUID, SeriesInstanceUID]);

  return { phase, view, images };
}
