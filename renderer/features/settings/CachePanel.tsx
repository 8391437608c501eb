import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evict, purgeAll } from '../../cache/evict';
import { usage, type CacheUsage } from '../../cache/studyRepository';
import { useAppServices } from '../../shell/AppContext';
import { DEFAULT_RETENTION_DAYS, evictOptionsOf, OutboxList, readCacheLimits, saveCacheLimits, useSyncProgress, useSyncServices } from '../../sync';

/**
 * Settings of the local cache: what it takes, its size limit and retention period (applied by an
 * eviction now, and by the prefetch queue after every study it stores), what the queue's last
 * eviction freed, "purge everything now", pause on metered links, the outbox, and a warning when
 * the cache key is a file (web mode) rather than the system keychain.
 */
export function CachePanel() {
  const { t } = useTranslation();
  const { api } = useAppServices();
  const services = useSyncServices();
  const snap = useSyncProgress();
  const [used, setUsed] = useState<CacheUsage>();
  const [limitGb, setLimitGb] = useState('');
  const [retentionDays, setRetentionDays] = useState(String(DEFAULT_RETENTION_DAYS));
  const [keyFile, setKeyFile] = useState(false);
  const cache = services?.cache;

  const refresh = useCallback(async () => {
    if (cache) setUsed(await usage(cache));
  }, [cache]);

  useEffect(() => {
    void api.getCacheKey(undefined).then((r) => setKeyFile(r.ok && r.value.protection === 'key-file'));
    if (!cache) return;
    void usage(cache).then(setUsed);
    void readCacheLimits(cache).then((limits) => {
      if (limits.limitBytes !== undefined) setLimitGb(String(limits.limitBytes / 1e9));
      setRetentionDays(String(limits.retentionDays));
    });
  }, [api, cache, refresh]);

  // The queue evicts after each stored study: the figure follows.
  const lastEviction = snap.lastEviction;
  useEffect(() => {
    if (cache && lastEviction) void usage(cache).then(setUsed);
  }, [cache, lastEviction]);

  if (!services || !cache) return null;
  const apply = async () => {
    const limits = { limitBytes: Number(limitGb) > 0 ? Number(limitGb) * 1e9 : undefined, retentionDays: Number(retentionDays) > 0 ? Number(retentionDays) : DEFAULT_RETENTION_DAYS };
    await saveCacheLimits(cache, limits);
    await evict(cache, evictOptionsOf(limits));
    await services.engine.limitsChanged();
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
      {lastEviction && lastEviction.evicted > 0 && (
        <p className="muted" data-testid="cache-last-eviction">
          {t('sync.cachePanel.lastEviction', { count: lastEviction.evicted, freed: (lastEviction.freedBytes / 1e6).toFixed(1) })}
        </p>
      )}
      {snap.paused === 'quota' && (
        <p role="note" className="warning" data-testid="cache-full">
          {t('sync.cachePanel.full')}
        </p>
      )}
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
