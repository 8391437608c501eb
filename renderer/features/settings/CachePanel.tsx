import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_RETENTION_MS } from '../../../app/sync';
import { evict, purgeAll } from '../../cache/evict';
import { usage, type CacheUsage } from '../../cache/studyRepository';
import { useAppServices } from '../../shell/AppContext';
import { OutboxList, useSyncProgress, useSyncServices } from '../../sync';

const LIMIT_SETTING = 'cache.limitBytes';
const RETENTION_SETTING = 'cache.retentionDays';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Settings of the local cache: what it takes, its size limit and retention period (applied by an
 * eviction now), "purge everything now", pause on metered links, the outbox, and a warning when
 * the cache key is a file (web mode) rather than the system keychain.
 */
export function CachePanel() {
  const { t } = useTranslation();
  const { api } = useAppServices();
  const services = useSyncServices();
  const snap = useSyncProgress();
  const [used, setUsed] = useState<CacheUsage>();
  const [limitGb, setLimitGb] = useState('');
  const [retentionDays, setRetentionDays] = useState(String(DEFAULT_RETENTION_MS / DAY_MS));
  const [keyFile, setKeyFile] = useState(false);
  const cache = services?.cache;

  const refresh = useCallback(async () => {
    if (cache) setUsed(await usage(cache));
  }, [cache]);

  useEffect(() => {
    void api.getCacheKey(undefined).then((r) => setKeyFile(r.ok && r.value.protection === 'key-file'));
    if (!cache) return;
    void usage(cache).then(setUsed);
    void cache.db.settings.bulkGet([LIMIT_SETTING, RETENTION_SETTING]).then(([limit, retention]) => {
      if (typeof limit?.value === 'number') setLimitGb(String(limit.value / 1e9));
      if (typeof retention?.value === 'number') setRetentionDays(String(retention.value));
    });
  }, [api, cache, refresh]);

  if (!services || !cache) return null;
  const apply = async () => {
    const limitBytes = Number(limitGb) > 0 ? Number(limitGb) * 1e9 : undefined;
    const days = Number(retentionDays) > 0 ? Number(retentionDays) : DEFAULT_RETENTION_MS / DAY_MS;
    await cache.db.settings.bulkPut([{ key: LIMIT_SETTING, value: limitBytes }, { key: RETENTION_SETTING, value: days }]);
    await evict(cache, { limitBytes, retentionMs: days * DAY_MS });
    await refresh();
  };
  const purge = async () => {
    if (!window.confirm(t('sync.cachePanel.purgeConfirm'))) return;
    await purgeAll(cache);
    await services.engine.reload();
    await refresh();
  };
  return (
    <section className="card" data-testid="cache-panel">
      <h2>{t('sync.cachePanel.title')}</h2>
      {keyFile && <p role="note" className="warning" data-testid="cache-key-file-warning">{t('sync.cachePanel.keyFile')}</p>}
      <p data-testid="cache-usage">
        {t('sync.cachePanel.usage', { used: ((used?.totalBytes ?? 0) / 1e6).toFixed(1), studies: used?.studies.length ?? 0, quota: used?.estimate ? (used.estimate.quota / 1e9).toFixed(1) : '–' })}
      </p>
      <label className="field">
        <span>{t('sync.cachePanel.limit')}</span>
        <input type="number" min="0" step="0.5" data-testid="cache-limit" value={limitGb} placeholder={t('sync.cachePanel.limitDefault')} onChange={(e) => setLimitGb(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('sync.cachePanel.retention')}</span>
        <input type="number" min="1" data-testid="cache-retention" value={retentionDays} onChange={(e) => setRetentionDays(e.target.value)} />
      </label>
      <button type="button" data-testid="cache-apply" onClick={() => void apply()}>
        {t('sync.cachePanel.apply')}
      </button>
      <label className="field">
        <input type="checkbox" data-testid="sync-metered" checked={snap.pauseOnMetered} onChange={(e) => void services.engine.setPauseOnMetered(e.target.checked)} />
        <span>{t('sync.cachePanel.pauseOnMetered')}</span>
      </label>
      <button type="button" className="danger" data-testid="cache-purge" onClick={() => void purge()}>
        {t('sync.cachePanel.purge')}
      </button>
      <OutboxList sender={services.outbox} />
    </section>
  );
}
