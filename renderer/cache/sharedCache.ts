import { createBridge } from '../bridge';
import { CacheKeyMismatchError } from './crypto/errors';
import { openCacheWithBridge, resetCacheWithBridge, type Cache } from './openCache';

let opening: Promise<Cache | undefined> | undefined;

async function openShared(): Promise<Cache | undefined> {
  if (typeof indexedDB === 'undefined' || typeof crypto === 'undefined' || !crypto.subtle) return undefined;
  const api = createBridge();
  try {
    return await openCacheWithBridge(api);
  } catch (error) {
    // A cache sealed under another key cannot be read by anyone: it is replaced by an empty one.
    if (error instanceof CacheKeyMismatchError) return resetCacheWithBridge(api);
    throw error;
  }
}

/**
 * The page's one open cache, opened on first use with the key main keeps (`getCacheKey`).
 * Undefined when the page has no IndexedDB or WebCrypto, or the cache cannot be opened: callers
 * then go to the gateway for everything. A failed opening is tried again on the next call.
 */
export function getSharedCache(): Promise<Cache | undefined> {
  opening ??= openShared().catch((error: unknown) => {
    console.warn('local cache unavailable:', error instanceof Error ? error.message : error);
    opening = undefined;
    return undefined;
  });
  return opening;
}

/** Replaces the page's cache (a test page's own, or undefined to turn cache-through off). */
export function setSharedCache(cache: Cache | undefined): void {
  opening = Promise.resolve(cache);
}
