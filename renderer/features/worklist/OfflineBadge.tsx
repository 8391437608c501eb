import { useTranslation } from 'react-i18next';
import type { WorklistStudy } from '../../cache/cachedWorklist';

/** What the local cache holds of a worklist study, and whether the row comes from the cache because its PACS is offline. */
export function OfflineBadge({ study }: { study: WorklistStudy }) {
  const { t } = useTranslation();
  if (!study.cacheState && !study.offline) return null;
  return (
    <span className={`cache-badge muted${study.offline ? ' offline' : ''}`} data-testid="cache-badge" data-cache={study.cacheState} data-offline={study.offline ? 'true' : undefined}>
      {study.offline ? t('worklist.offline.badge') : ''}
      {study.offline && study.cacheState ? ' · ' : ''}
      {study.cacheState ? t(`worklist.offline.state.${study.cacheState}`) : ''}
    </span>
  );
}
