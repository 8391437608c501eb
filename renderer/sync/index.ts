/**
 * Runs the sync plans of app/sync: the persisted prefetch queue (studies and priors into the
 * encrypted cache), its progress, and the outbox sender. Features show it through the components
 * and hooks exported here.
 */
export { SyncEngine, type SyncEngineOptions } from './syncEngine';
export { OutboxSender } from './outboxSender';
export { startSync, useSyncServices, usePinned, type SyncServices } from './syncService';
export { readCacheLimits, saveCacheLimits, evictOptionsOf, DEFAULT_RETENTION_DAYS, type CacheLimits } from './cacheLimits';
export { syncProgress, useSyncProgress, useStudySync, type StudyProgress, type SyncSnapshot, type StudySyncState, type PauseReason, type EvictionSummary } from './syncProgress';
export { planWorklistPrefetch, type PlannedJob } from './planWorklistPrefetch';
export { SyncStatus } from './SyncStatus';
export { SyncBadge } from './SyncBadge';
export { OutboxList } from './OutboxList';
