import { evict, type EvictResult } from '../cache/evict';
import type { Cache } from '../cache/openCache';
import { evictOptionsOf, readCacheLimits } from './cacheLimits';

/**
 * The cache's eviction (`evict`: retention, then least recently used down to the size limit) with
 * the reader's configured limits (the default share of the browser's quota when none is set),
 * run by the prefetch queue after each study it completes. Besides what `evict` never removes
 * (pinned, open in a viewer, held by the outbox), the studies in `keep` (`nodeId|StudyInstanceUID`)
 * are left alone: the queue's own studies still to fetch or more urgent than the one just stored.
 */
export async function evictAfterPrefetch(cache: Cache, keep: ReadonlySet<string>): Promise<EvictResult> {
  const limits = await readCacheLimits(cache);
  // The same cache, seen with the kept studies as open: the viewer's own set is not touched.
  const view: Cache = { ...cache, openStudies: new Set([...cache.openStudies, ...keep]) };
  return evict(view, evictOptionsOf(limits));
}
