import { DEFAULT_RETENTION_MS } from '../../app/sync';
import type { EvictOptions } from '../cache/evict';
import type { Cache } from '../cache/openCache';

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
  const [limit, retention] = await cache.db.settings.bulkGet([LIMIT_SETTING, RETENTION_SETTING]);
  const limitBytes = typeof limit?.value === 'number' && limit.value > 0 ? limit.value : undefined;
  const retentionDays = typeof retention?.value === 'number' && retention.value > 0 ? retention.value : DEFAULT_RETENTION_DAYS;
  return limitBytes === undefined ? { retentionDays } : { limitBytes, retentionDays };
}

/** Keeps the limits in the cache's settings (a missing or non-positive limit means the default). */
export async function saveCacheLimits(cache: Cache, limits: CacheLimits): Promise<void> {
  const limitBytes = limits.limitBytes !== undefined && limits.limitBytes > 0 ? limits.limitBytes : undefined;
  const retentionDays = limits.retentionDays > 0 ? limits.retentionDays : DEFAULT_RETENTION_DAYS;
  await cache.db.settings.bulkPut([
    { key: LIMIT_SETTING, value: limitBytes },
    { key: RETENTION_SETTING, value: retentionDays },
  ]);
}

/** The eviction options of the limits. */
export function evictOptionsOf(limits: CacheLimits): EvictOptions {
  return { limitBytes: limits.limitBytes, retentionMs: limits.retentionDays * DAY_MS };
}
