import { useTranslation } from 'react-i18next';
import { megabytes, percent } from './formatSync';
import { usePinned, useSyncServices } from './syncService';
import { useStudySync } from './syncProgress';

/**
 * A worklist study's prefetch state: "offline ready" when every frame is stored, else its percent
 * and megabytes (or waiting, failed); with "keep offline" (pin) and cancel buttons.
 */
export function SyncBadge({ nodeId, StudyInstanceUID }: { nodeId: string; StudyInstanceUID: string }) {
  const { t } = useTranslation();
  const services = useSyncServices();
  const progress = useStudySync(nodeId, StudyInstanceUID);
  const [pinned, setPinned] = usePinned(nodeId, StudyInstanceUID);
  if (!services || (!progress && !pinned)) return null;
  const label = !progress
    ? ''
    : progress.state === 'done'
      ? t('sync.study.ready')
      : t(`sync.study.${progress.state}`, { percent: percent(progress.storedFrames, progress.totalFrames), size: megabytes(progress.bytes) });
  const stop = (e: { stopPropagation(): void }) => e.stopPropagation();
  return (
    <span className="sync-badge muted" data-testid="sync-badge" data-state={progress?.state ?? ''} data-pinned={pinned ? 'true' : 'false'}>
      {label}
      <button type="button" className="link" data-testid="sync-pin" aria-pressed={pinned} onClick={(e) => (stop(e), setPinned(!pinned))} onDoubleClick={stop}>
        {pinned ? t('sync.study.unpin') : t('sync.study.pin')}
      </button>
      {progress && progress.state !== 'done' && (
        <button type="button" className="link" data-testid="sync-cancel" onClick={(e) => (stop(e), void services.engine.cancel(nodeId, StudyInstanceUID))} onDoubleClick={stop}>
          {t('sync.study.cancel')}
        </button>
      )}
    </span>
  );
}
