import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudyLocation } from '../../viewer/loadStudyMetadata';
import { useStackView } from './useStackView';

const KEY_STEPS: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, PageDown: 10, ArrowUp: -1, ArrowLeft: -1, PageUp: -10 };

/**
 * One stack viewport: the image, the corner overlay (image index / total, window width and level),
 * and a readable message instead of a black square when a frame cannot be loaded or decoded.
 * Wheel and arrow keys scroll (Page keys by 10, Home/End to the ends); left drag sets W/L.
 */
export function StackViewport({ location, SeriesInstanceUID }: { location: StudyLocation; SeriesInstanceUID?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const { phase, view } = useStackView(ref, location, SeriesInstanceUID);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!view || phase.status !== 'shown') return;
    const step = KEY_STEPS[event.key];
    const total = phase.view.total;
    if (step !== undefined) void view.scroll(step).catch(() => undefined);
    else if (event.key === 'Home') void view.jumpTo(0).catch(() => undefined);
    else if (event.key === 'End') void view.jumpTo(total - 1).catch(() => undefined);
    else return;
    event.preventDefault();
  };

  const shown = phase.status === 'shown' ? phase.view : undefined;
  const state = phase.status === 'failed' || shown?.error ? 'error' : shown?.rendered ? 'ready' : 'loading';
  return (
    <div className="stack-panel">
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
        onContextMenu={(e) => e.preventDefault()}
      />
      {shown && shown.total > 0 && (
        <div className="stack-overlay top-left" data-testid="overlay-slice">
          {t('viewer.overlay.slice', { index: shown.index + 1, total: shown.total })}
        </div>
      )}
      {shown?.windowWidth !== undefined && (
        <div className="stack-overlay bottom-left" data-testid="overlay-wl">
          {t('viewer.overlay.windowLevel', { width: Math.round(shown.windowWidth), center: Math.round(shown.windowCenter ?? 0) })}
        </div>
      )}
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
