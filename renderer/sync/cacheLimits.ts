import { DEFAULT_RETENTION_MS } from '../../app/sync';
import type { EvictOptions } from '../cache/evict';
import type { Cache } from '../cache/openCache';
import { getSettings, putSettings } from '../cache/settingsRepository';

/** Setting keys in the cache's `settings` table. */
const LIMIT_SETTING = 'cache.limitBytes';
const RETENTION_SETTING = 'cache.retentionDays';
const DAY_MS = 24 * 60 * 60 * 1000;

/** The reader's cache limits, as the settings panel edits them. */
export interface CacheLimits {
  /** Size limit in bytes; absent: the default share of the browser's quota (`defaultLimitBytes`). */
  limitBytes?: number;
  /** Studies not accessed for this many days are purged. */
  retentionDays: number;
}

/** The default retention in days (app/sync evictionPlan). */
export const DEFAULT_RETENTION_DAYS = DEFAULT_RETENTION_MS / DAY_MS;

/** The limits kept in the cache's settings (defaults where none were set). */
export async function readCacheLimits(cache: Cache): Promise<CacheLimits> {
  const [limit, retention] = await getSettings(cache, [LIMIT_SETTING, RETENTION_SETTING]);
  const limitBytes = typeof limit === 'number' && limit > 0 ? limit : undefined;
  const retentionDays = typeof retention === 'number' && retention > 0 ? retention : DEFAULT_RETENTION_DAYS;
  return limitBytes === undefined ? { retentionDays } : { limitBytes, retentionDays };
}

/** Keeps the limits in the cache's settings (a missing or non-positive limit means the default). */
export async function saveCacheLimits(cache: Cache, limits: CacheLimits): Promise<void> {
  const limitBytes = limits.limitBytes !== undefined && limits.limitBytes > 0 ? limits.limitBytes : undefined;
  const retentionDays = limits.retentionDays > 0 ? limits.retentionDays : DEFAULT_RETENTION_DAYS;
  await putSettings(cache, { [LIMIT_SETTING]: limitBytes, [RETENTION_SETTING]: retentionDays });
}

/** The eviction options of the limits. */
export function evictOptionsOf(limits: CacheLimits): EvictOptions {
  return { limitBytes: limits.limitBytes, retentionMs: limits.retentionDays * DAY_MS };
}
