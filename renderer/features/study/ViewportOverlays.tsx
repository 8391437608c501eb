import { useTranslation } from 'react-i18next';
import { edgeMarkers, type ImageAxesLabels } from '../../../app/dicom/orientationMarkers';
import { formatDicomDate, formatPersonName } from '../../../app/dicom/formatPersonName';
import type { StudySummary } from '../../../app/dicom/studySummary';
import type { StackViewState } from '../../viewer/createStackView';

const SCALE_STEPS_MM = [1, 2, 5, 10, 20, 50, 100, 200, 500];

/** The longest round length (mm) whose bar fits in `maxPx` CSS pixels, and its width. */
export function scaleBar(mmPerPixel: number, maxPx: number): { mm: number; px: number } | undefined {
  const mm = [...SCALE_STEPS_MM].reverse().find((step) => step / mmPerPixel <= maxPx);
  return mm === undefined ? undefined : { mm, px: mm / mmPerPixel };
}

const fixed = (value: number, digits: number) => (Math.abs(value) < 10 ** -digits / 2 ? 0 : value).toFixed(digits);

/**
 * What a radiologist reads around the image: patient and study (top corners), image number and
 * position (bottom left), window, zoom and inversion (bottom right), orientation letters at the
 * middle of each edge (they follow rotation and flips), and a scale bar on the right edge.
 */
export function ViewportOverlays({ state, study, seriesDescription, axes, width }: { state: StackViewState; study: StudySummary; seriesDescription?: string; axes?: ImageAxesLabels; width: number }) {
  const { t } = useTranslation();
  const markers = axes && state.screen ? edgeMarkers(axes, state.screen) : undefined;
  const bar = state.mmPerPixel ? scaleBar(state.mmPerPixel, Math.max(40, width / 4)) : undefined;
  return (
    <>
      <div className="stack-overlay top-left" data-testid="overlay-patient">
        <div>{formatPersonName(study.PatientName)}</div>
        {study.PatientID && <div>{t('viewer.overlay.patientId', { id: study.PatientID })}</div>}
      </div>
      <div className="stack-overlay top-right" data-testid="overlay-study">
        <div>{formatDicomDate(study.StudyDate)}</div>
        {seriesDescription && <div>{seriesDescription}</div>}
      </div>
      <div className="stack-overlay bottom-left">
        {state.total > 0 && <div data-testid="overlay-slice">{t('viewer.overlay.slice', { index: state.index + 1, total: state.total })}</div>}
        {state.position !== undefined && <div data-testid="overlay-position">{t('viewer.overlay.position', { mm: fixed(state.position, 1) })}</div>}
        {state.playing && <div data-testid="overlay-fps">{t('viewer.overlay.fps', { fps: state.fps })}</div>}
      </div>
      <div className="stack-overlay bottom-right">
        {state.windowWidth !== undefined && (
          <div data-testid="overlay-wl">{t('viewer.overlay.windowLevel', { width: Math.round(state.windowWidth), center: Math.round(state.windowCenter ?? 0) })}</div>
        )}
        {state.zoom !== undefined && <div data-testid="overlay-zoom">{t('viewer.overlay.zoom', { zoom: fixed(state.zoom, 2) })}</div>}
        {state.invert && <div data-testid="overlay-invert">{t('viewer.overlay.inverted')}</div>}
      </div>
      {markers &&
        (['top', 'right', 'bottom', 'left'] as const).map((edge) => (
          <div key={edge} className={`orientation-marker ${edge}`} data-testid={`marker-${edge}`}>
            {markers[edge]}
          </div>
        ))}
      {bar && (
        <div className="scale-bar" data-testid="scale-bar" style={{ height: bar.px }}>
          <span>{t('viewer.overlay.scale', { mm: bar.mm })}</span>
        </div>
      )}
    </>
  );
}
