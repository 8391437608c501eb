import type { NodeOutcome, WorklistFilter, WorklistResult } from '../gateway/searchStudies';
import { listCachedWorklist, matchesFilter, rememberListedStudies, type WorklistStudy } from './cachedWorklist';
import type { Cache } from './openCache';
import { getSharedCache } from './sharedCache';
import { cacheStateOf, putWorklistRecord } from './studyListingRepository';
import { getStudyRecords } from './studyRepository';

/** A node's share of the search, with the number of its cached studies shown when it failed. */
export interface OfflineAwareOutcome extends NodeOutcome {
  /** Set for a failed node: how many of its cached studies (matching the filter) are listed. */
  cached?: number;
}

/** A worklist result with the local cache's part: cache state on each row, cached rows of failed nodes. */
export interface OfflineAwareResult extends WorklistResult {
  studies: WorklistStudy[];
  nodes: OfflineAwareOutcome[];
}

/**
 * Adds what the local cache knows to a federated search result:
 * - rows of studies in the cache get their `cacheState`, and their worklist record becomes the
 *   study's last-known state in the cache;
 * - for every node whose search failed, its cached studies matching `filter` are listed from the
 *   cache, marked `offline`, and the node's outcome says how many.
 * Without a usable cache, or when reading it fails, the result is returned as it came.
 */
export async function withCachedStudies(result: WorklistResult, filter: WorklistFilter, cache?: Cache): Promise<OfflineAwareResult> {
  rememberListedStudies(result.studies);
  const local = cache ?? (await getSharedCache());
  if (!local) return result;
  try {
    return await merge(local, result, filter);
  } catch (error) {
    console.warn('local cache not read for the worklist:', error instanceof Error ? error.message : error);
    return result;
  }
}

async function merge(cache: Cache, result: WorklistResult, filter: WorklistFilter): Promise<OfflineAwareResult> {
  const records = await getStudyRecords(cache, result.studies);
  const studies: WorklistStudy[] = await Promise.all(
    result.studies.map(async (s, i) => {
      if (!records[i]) return s;
      void putWorklistRecord(cache, s).catch(() => undefined);
      return { ...s, cacheState: await cacheStateOf(cache, s.nodeId, s.StudyInstanceUID, s.NumberOfStudyRelatedInstances) };
    }),
  );
  const failed = new Set(result.nodes.filter((n) => !n.ok).map((n) => n.nodeId));
  if (failed.size === 0) return { studies, nodes: result.nodes };
  const offline = (await listCachedWorklist(cache, failed)).filter((s) => matchesFilter(s, filter)).map((s): WorklistStudy => ({ ...s, offline: true }));
  const nodes = result.nodes.map((n): OfflineAwareOutcome => (failed.has(n.nodeId) ? { ...n, cached: offline.filter((s) => s.nodeId === n.nodeId).length } : n));
  return { studies: [...studies, ...offline], nodes };
}
