import { useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDicomDate } from '../../../app/dicom/formatPersonName';
import { imageAxesLabels } from '../../../app/dicom/orientationMarkers';
import { getString } from '../../../app/dicomweb';
import type { StackView, StackViewState } from '../../viewer/createStackView';
import type { SeriesImage } from '../../viewer/orderSeriesImages';
import { patientOfInstance, type DisplayedPatient } from './displayedPatients';
import type { HangingLayout } from './loadHangingLayout';
import { presetsOf } from './presetsOf';
import type { CellContent } from './readerLayout';
import { SeriesGeometryWarning } from './SeriesGeometryWarning';
import { StudyGroupBanner } from './StudyGroupBanner';
import { useStackCell } from './useStackCell';
import { applyViewerKey } from './viewerKeys';
import { ViewportOverlays } from './ViewportOverlays';

/** The type a dragged series carries (JSON: StudyInstanceUID, SeriesInstanceUID). */
export const SERIES_DRAG_TYPE = 'application/x-garde-series';

/** What a cell tells the study screen: its view and image (toolbar, panels), and what it shows (sync, identity check). */
export interface ViewportReport {
  view: StackView;
  state: StackViewState;
  images: SeriesImage[];
  image?: SeriesImage;
  patient?: DisplayedPatient;
  FrameOfReferenceUID?: string;
  Modality?: string;
}

/** A study a cell may show: where it is, its summary, and the prior decision for a prior. */
export type CellStudy = HangingLayout['studies'] extends Map<string, infer S> ? S : never;

/**
 * One viewport of the layout: its stack (a series, scrollable, or the one image a protocol chose)
 * with overlays, orientation markers and scale bar; its study's banner when the layout shows
 * several studies; a readable message instead of a black square when a frame fails. A click makes
 * it the active cell; a series dropped on it is shown in it. Wheel scrolls, left drag uses the
 * primary tool, right drag zooms, middle drag pans, double-click fits; keys are applyViewerKey's.
 */
export function ViewportCell(props: {
  index: number;
  row: number;
  column: number;
  content: CellContent;
  study: CellStudy;
  active: boolean;
  withBanner: boolean;
  seriesDescription?: string;
  onActivate: (index: number) => void;
  onDropSeries: (index: number, series: { StudyInstanceUID: string; SeriesInstanceUID: string }) => void;
  onReport: (index: number, report: ViewportReport | undefined) => void;
}) {
  const { index, content, study, active, onActivate, onDropSeries, onReport } = props;
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const { phase, view, images } = useStackCell(ref, study.location, content);
  const [width, setWidth] = useState(0);
  const shown = phase.status === 'shown' ? phase.view : undefined;
  const image = shown ? images[shown.index] : images[0];
  const first = images[0]?.instance;
  const identity = useMemo(() => (first ? { patient: patientOfInstance(study.location.nodeId, first), FrameOfReferenceUID: getString(first, '00200052'), Modality: getString(first, '00080060') } : undefined), [first, study.location.nodeId]);

  useEffect(() => onReport(index, view && shown && images.length > 0 ? { view, state: shown, images, image, ...identity } : undefined), [index, view, shown, images, image, identity, onReport]);
  useEffect(() => () => onReport(index, undefined), [index, onReport]);
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
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const data = event.dataTransfer.getData(SERIES_DRAG_TYPE);
    if (!data) return;
    event.preventDefault();
    const series = JSON.parse(data) as { StudyInstanceUID: string; SeriesInstanceUID: string };
    onDropSeries(index, series);
  };

  const single = content.SOPInstanceUID !== undefined;
  const state = phase.status === 'failed' || shown?.error ? 'error' : shown?.rendered && phase.status === 'shown' && phase.applied ? 'ready' : 'loading';
  const axes = image ? imageAxesLabels(image.instance, image.frame) : undefined;
  const view_ = image ? [getString(image.instance, '00200062'), getString(image.instance, '00185101')].filter(Boolean).join(' ') : '';
  const prior = study.prior;
  const summary = { ...study.summary, ...(identity?.patient ?? {}) };
  return (
    <div
      className={`hanging-cell${active ? ' active' : ''}`}
      data-testid="hanging-cell"
      data-index={index}
      data-row={props.row}
      data-column={props.column}
      data-study={content.StudyInstanceUID}
      data-series={content.SeriesInstanceUID}
      data-sop={single ? image?.SOPInstanceUID : undefined}
      data-view={view_}
      data-alignment={content.display?.alignment}
      data-flip={content.display?.flipHorizontal ?? false}
      data-state={state}
      data-active={active}
      data-prior={!!prior}
      style={{ gridRow: props.row + 1, gridColumn: props.column + 1 }}
      onMouseDownCapture={() => {
        onActivate(index);
        // The tools take the press (no default action), so focus would stay where it was, e.g. in
        // the report being typed: the reading keys (K, arrows, W/L presets) must reach the image.
        ref.current?.focus({ preventScroll: true });
      }}
      onDragOver={(e) => e.dataTransfer.types.includes(SERIES_DRAG_TYPE) && e.preventDefault()}
      onDrop={onDrop}
    >
      {props.withBanner && <StudyGroupBanner summary={study.summary} patient={identity?.patient} prior={!!prior} />}
      <div className="cell-body">
        {!single && <SeriesGeometryWarning images={images} />}
        <div
          ref={ref}
          className="stack-element"
          tabIndex={0}
          data-testid="stack-viewport"
          data-state={state}
          data-index={shown?.index}
          data-total={shown?.total}
          data-study={content.StudyInstanceUID}
          aria-label={t('viewer.image.label')}
          onKeyDown={onKeyDown}
          onFocus={() => onActivate(index)}
          onDoubleClick={() => view?.fit()}
          onContextMenu={(e) => e.preventDefault()}
        />
        {single ? (
          <div className="stack-overlay top-left" data-testid="hanging-label">
            {view_}
            {prior && <span className="hanging-prior" data-testid="hanging-prior">{t('viewer.hanging.prior', { date: formatDicomDate(prior.study.StudyDate) })}</span>}
          </div>
        ) : (
          shown && <ViewportOverlays state={shown} study={summary} seriesDescription={props.seriesDescription} axes={axes} width={width} />
        )}
        {content.duplicated && (
          <div className="hanging-identity" role="alert" data-testid="hanging-duplicated-view">
            {t('viewer.hanging.duplicatedView', { count: content.duplicated.others + 1, view: content.duplicated.label ? (i18n.language.startsWith('fr') ? content.duplicated.label.fr : content.duplicated.label.en) : '' })}
          </div>
        )}
        {prior?.decision.banner === 'identity-probable' && (
          <div className="hanging-identity" role="alert" data-testid="hanging-identity-probable">
            {t('viewer.hanging.identityProbable')}
          </div>
        )}
        {state === 'loading' && phase.status !== 'shown' && <div className="stack-message muted">{t('viewer.image.loading')}</div>}
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
    </div>
  );
}
