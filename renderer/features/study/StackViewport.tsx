import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { imageAxesLabels } from '../../../app/dicom/orientationMarkers';
import type { StudySummary } from '../../../app/dicom/studySummary';
import type { StackView, StackViewState } from '../../viewer/createStackView';
import type { StudyLocation } from '../../viewer/loadStudyMetadata';
import type { SeriesImage } from '../../viewer/orderSeriesImages';
import { presetsOf } from './presetsOf';
import { SeriesGeometryWarning } from './SeriesGeometryWarning';
import { useStackView } from './useStackView';
import { applyViewerKey } from './viewerKeys';
import { ViewportOverlays } from './ViewportOverlays';

/** What a viewport tells the study screen: its view, state and the image shown (for toolbar and panels). */
export interface ViewportReport {
  view: StackView;
  state: StackViewState;
  images: SeriesImage[];
  image?: SeriesImage;
}

/**
 * One stack viewport: the image, corner overlays, orientation markers and scale bar, and a readable
 * message instead of a black square when a frame cannot be loaded or decoded. Wheel scrolls, left
 * drag uses the primary tool (window/level first), right drag zooms, middle drag pans, double-click
 * fits; the reading keys are those of applyViewerKey.
 */
export function StackViewport({
  location,
  SeriesInstanceUID,
  study,
  seriesDescription,
  onReport,
}: {
  location: StudyLocation;
  SeriesInstanceUID?: string;
  study: StudySummary;
  seriesDescription?: string;
  onReport: (report: ViewportReport | undefined) => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const { phase, view, images } = useStackView(ref, location, SeriesInstanceUID);
  const [width, setWidth] = useState(0);
  const shown = phase.status === 'shown' ? phase.view : undefined;
  const image = shown ? images[shown.index] : undefined;

  useEffect(() => onReport(view && shown ? { view, state: shown, images, image } : undefined), [view, shown, images, image, onReport]);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!view || !shown || event.ctrlKey || event.metaKey || event.altKey) return;
    if (applyViewerKey(event.key, view, shown, presetsOf(image?.instance, view.valueRange()))) event.preventDefault();
  };

  const state = phase.status === 'failed' || shown?.error ? 'error' : shown?.rendered ? 'ready' : 'loading';
  const axes = image ? imageAxesLabels(image.instance, image.frame) : undefined;
  return (
    <div className="stack-panel">
      <SeriesGeometryWarning images={images} />
      <div
        ref={ref}
        className="stack-element"
        tabIndex={0}
        data-testid="stack-viewport"
        data-state={state}
        data-index={shown?.index}
        data-total={shown?.total}
        aria-label={t('viewer.image.label')}
        onKeyDown={onKeyDown}
        onDoubleClick={() => view?.fit()}
        onContextMenu={(e) => e.preventDefault()}
      />
      {shown && <ViewportOverlays state={shown} study={study} seriesDescription={seriesDescription} axes={axes} width={width} />}
      {state === 'loading' && <div className="stack-message muted">{t('viewer.image.loading')}</div>}
      {phase.status === 'failed' && (
        <div className="stack-message error" role="alert" data-testid="stack-error">
          {t('viewer.image.seriesFailed', { message: phase.message })}
        </div>
      )}
      {shown?.error && (
        <div className="stack-message error" role="alert" data-testid="stack-error">
          {t('viewer.image.frameFailed', { index: shown.index + 1, message: shown.error.message })}
        </div>
      )}
    </div>
  );
}
