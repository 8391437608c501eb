/**
 * Sync planning, pure and clock-injected: the prefetch queue (worklist urgency, priors of the
 * same patient on every node), resumable series fetches, retry with backoff, the outbox state
 * machine, and the cache eviction plan.
 */
export { studyKey, studyKeyUid } from './studyKey';
export { isSeriesMetadataComplete } from './seriesCompleteness';
export { planPrefetch, PREFETCH_TIER, DEFAULT_PRIORS_PER_STUDY, type PrefetchInput, type PrefetchJob, type PrefetchReason } from './planPrefetch';
export { findPriors, priorFinder, studyMoment, type PriorCandidate } from './findPriors';
export {
  retryDelay,
  decideRetry,
  asRetryableError,
  isRetryableStatus,
  PREFETCH_RETRY_POLICY,
  OUTBOX_RETRY_POLICY,
  type BackoffOptions,
  type RandomSource,
  type RetryableError,
  type RetryPolicy,
  type RetryDecision,
} from './retryPolicy';
export { resumePlan, missingFrames, frameKey, DEFAULT_FRAME_BATCH_SIZE, type ResumeBatch, type SeriesFetchJob, type SeriesInstance } from './resumePlan';
export {
  OUTBOX_STATE,
  newOutboxItem,
  outboxKindOf,
  isOutboxDue,
  outboxTransition,
  type OutboxState,
  type OutboxKind,
  type OutboxItem,
  type OutboxEvent,
  type OutboxEnv,
} from './outboxPolicy';
export { planEviction, isProtected, DEFAULT_RETENTION_MS, type EvictionCandidate, type EvictionInput, type EvictionReason, type EvictionPlan } from './evictionPlan';
