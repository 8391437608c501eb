/**
 * Which cached studies to forget, decided from sizes, last access and protections only: the
 * storage side of the on-call cache (keep tonight's studies, stay under a size limit, forget what
 * has not been read for the retention period). Pure: the clock and the sizes are inputs.
 */

/** Default retention: a study not opened for 7 days is purged. */
export const DEFAULT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** One cached study as the planner sees it. */
export interface EvictionCandidate {
  /** Any stable identity (e.g. `nodeId|StudyInstanceUID`). */
  id: string;
  /** Bytes the study takes in the cache. */
  bytes: number;
  /** Last access, milliseconds since the epoch. */
  lastAccess: number;
  /** Pinned by the reader: never evicted nor purged. */
  pinned: boolean;
  /** Shown in a viewer now: never evicted nor purged. */
  open: boolean;
  /** Has a report or key-object selection waiting in the outbox: never evicted nor purged. */
  hasOutbox: boolean;
}

/** What the plan is given. */
export interface EvictionInput {
  studies: readonly EvictionCandidate[];
  /** Size limit in bytes; Infinity for none. */
  limitBytes: number;
  /** Now, milliseconds since the epoch. */
  now: number;
  /** Studies whose last access is older than this are purged; default {@link DEFAULT_RETENTION_MS}. */
  retentionMs?: number;
}

/** Why a study is in the plan. */
export type EvictionReason = 'expired' | 'over-limit';

/** The decision. */
export interface EvictionPlan {
  /** Studies to delete, expired ones first, then least recently used first. */
  evict: { id: string; reason: EvictionReason }[];
  /** Bytes left once the plan is applied. */
  remainingBytes: number;
  /** True when the protected studies alone exceed the limit (nothing more may be evicted). */
  overLimit: boolean;
}

/** Whether a study may never be removed by the plan. */
export function isProtected(study: EvictionCandidate): boolean {
  return study.pinned || study.open || study.hasOutbox;
}

/**
 * Plans eviction: first every unprotected study not accessed within the retention period, then
 * unprotected studies least recently used first until the total is within the limit. Ties on last
 * access are broken by id so the plan is deterministic.
 */
export function planEviction(input: EvictionInput): EvictionPlan {
  const retentionMs = input.retentionMs ?? DEFAULT_RETENTION_MS;
  const evict: EvictionPlan['evict'] = [];
  let remaining = input.studies.reduce((sum, s) => sum + s.bytes, 0);
  const candidates = input.studies.filter((s) => !isProtected(s)).sort((a, b) => a.lastAccess - b.lastAccess || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const kept: EvictionCandidate[] = [];
  for (const study of candidates) {
    if (input.now - study.lastAccess > retentionMs) {
      evict.push({ id: study.id, reason: 'expired' });
      remaining -= study.bytes;
    } else {
      kept.push(study);
    }
  }
  for (const study of kept) {
    if (remaining <= input.limitBytes) break;
    evict.push({ id: study.id, reason: 'over-limit' });
    remaining -= study.bytes;
  }
  return { evict, remainingBytes: remaining, overLimit: remaining > input.limitBytes };
}
