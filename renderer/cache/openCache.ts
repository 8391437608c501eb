import { Dexie } from 'dexie';
import type { GardeApi } from '../../app/ipc/contract';
import { GardeError } from '../../app/ipc/errors';
import { CacheCipher } from './crypto/cacheCipher';
import { CacheKeyMismatchError } from './crypto/errors';
import { createKeyCheck, KEY_CHECK_SETTING, verifyKeyCheck } from './crypto/keyCheck';
import { CACHE_DB_NAME, CacheDb } from './schema';

/** An open, unlocked cache: the database, its cipher, a clock and the studies open in a viewer. */
export interface Cache {
  readonly db: CacheDb;
  readonly cipher: CacheCipher;
  /** Milliseconds since the epoch (injected in tests). */
  readonly now: () => number;
  /** The studies open in a viewer, by `studyKey` (never evicted). */
  readonly openStudies: Set<string>;
  close(): void;
}

/** How to open the cache. */
export interface OpenCacheOptions {
  /** The 32-byte base64 key from main (`getCacheKey`). */
  key: string;
  /** Database name; {@link CACHE_DB_NAME} by default. */
  name?: string;
  now?: () => number;
}

async function hasRecords(db: CacheDb): Promise<boolean> {
  for (const table of [db.studies, db.frames, db.instances, db.patients, db.outbox, db.measurements]) if ((await table.count()) > 0) return true;
  return false;
}

/**
 * Opens the cache with `key`. A new database gets a key check record (a known constant sealed
 * with the key); an existing one must open it, else {@link CacheKeyMismatchError} is thrown and
 * nothing is read. Records with no key check at all are treated the same way.
 */
export async function openCache(options: OpenCacheOptions): Promise<Cache> {
  const cipher = await CacheCipher.fromBase64(options.key);
  const db = new CacheDb(options.name ?? CACHE_DB_NAME);
  await db.open();
  try {
    const check = await db.settings.get(KEY_CHECK_SETTING);
    if (check === undefined) {
      if (await hasRecords(db)) throw new CacheKeyMismatchError('the local cache has no key check record; reset the cache to use it again');
      // add, not put: when another tab created the check first, it is verified below.
      await db.settings.add({ key: KEY_CHECK_SETTING, value: await createKeyCheck(cipher) }).catch(() => undefined);
    }
    const stored = await db.settings.get(KEY_CHECK_SETTING);
    if (!(await verifyKeyCheck(cipher, stored?.value))) throw new CacheKeyMismatchError();
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, cipher, now: options.now ?? Date.now, openStudies: new Set(), close: () => db.close() };
}

/** Deletes the cache database entirely (after a key mismatch, or to forget everything). */
export async function resetCache(name = CACHE_DB_NAME): Promise<void> {
  await Dexie.delete(name);
}

async function cacheKey(api: GardeApi, renew: boolean): Promise<string> {
  const result = await api.getCacheKey(renew ? { renew: true } : undefined);
  if (!result.ok) throw new GardeError(result.error.code, result.error.message, result.error.retryable);
  return result.value.key;
}

/** Opens the cache with the key main keeps (`getCacheKey`). */
export async function openCacheWithBridge(api: GardeApi, options: Omit<OpenCacheOptions, 'key'> = {}): Promise<Cache> {
  return openCache({ ...options, key: await cacheKey(api, false) });
}

/** Deletes the cache, asks main for a new key, and opens an empty cache with it. */
export async function resetCacheWithBridge(api: GardeApi, options: Omit<OpenCacheOptions, 'key'> = {}): Promise<Cache> {
  await resetCache(options.name);
  return openCache({ ...options, key: await cacheKey(api, true) });
}
