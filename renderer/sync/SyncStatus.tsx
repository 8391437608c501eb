import { useTranslation } from 'react-i18next';
import { megabytes, minutesSeconds } from './formatSync';
import { useSyncServices } from './syncService';
import { useSyncProgress } from './syncProgress';

/**
 * The top bar's prefetch status: studies left, throughput and time left, or why the queue is
 * paused; buttons to prefetch tonight's worklist and to pause or resume.
 */
export function SyncStatus() {
  const { t } = useTranslation();
  const services = useSyncServices();
  const snap = useSyncProgress();
  if (!services) return null;
  const done = [...snap.studies.values()].filter((s) => s.state === 'done').length;
  const text = snap.paused
    ? t(`sync.paused.${snap.paused}`)
    : snap.queueLength === 0
      ? t('sync.idle', { count: done })
      : t('sync.running', { count: snap.queueLength, rate: megabytes(snap.throughput), eta: snap.etaSeconds === undefined ? '–' : minutesSeconds(snap.etaSeconds) });
  const yesterday = new Date();
  yesterday.setDate(yesterday.getDate() - 1);
  const fromDate = `${yesterday.getFullYear()}${String(yesterday.getMonth() + 1).padStart(2, '0')}${String(yesterday.getDate()).padStart(2, '0')}`;
  return (
    <div className="sync-status" role="status" aria-label={t('sync.label')} data-testid="sync-status" data-queue={snap.queueLength} data-paused={snap.paused ?? ''} data-done={done}>
      <span>{text}</span>
      <button type="button" className="link" data-testid="sync-prefetch" onClick={() => void services.prefetch({ fromDate })}>
        {t('sync.prefetch')}
      </button>
      {snap.paused === 'user' || snap.paused === 'quota' ? (
        <button type="button" className="link" data-testid="sync-resume" onClick={() => void services.engine.resume()}>
          {t('sync.resume')}
        </button>
      ) : (
        <button type="button" className="link" data-testid="sync-pause" onClick={() => void services.engine.pause()}>
          {t('sync.pause')}
        </button>
      )}
    </div>
  );
}
