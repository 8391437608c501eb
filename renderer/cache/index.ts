/**
 * The local cache: encrypted IndexedDB (Dexie) holding tonight's studies for offline reading.
 * Open it with {@link openCacheWithBridge}; a {@link CacheKeyMismatchError} means it must be reset.
 */
export { CacheCipher } from './crypto/cacheCipher';
export { CacheKeyMismatchError, CacheRecordError } from './crypto/errors';
export { DEFAULT_QUOTA_SHARE, defaultLimitBytes, evict, purgeAll, purgeExpired, type EvictOptions, type EvictResult } from './evict';
export { getFrame, hasFrame, putFrame, putFrames, type CachedFrame, type FrameInput } from './frameRepository';
export { getCachedSeries, getInstanceMetadata, getStudyAttributes, getStudyMetadata, putStudyMetadata, type CachedMetadata } from './metadataRepository';
export { deleteMeasurements, getMeasurements, purgeOrphanMeasurements, putMeasurements } from './measurementRepository';
export { addOutboxItem, addOutboxItems, applyOutboxEvent, getOutboxPayload, listOutbox, type OutboxEntry, type OutboxInput } from './outboxRepository';
export { deleteReportDraft, getReportDraft, putReportDraft } from './reportRepository';
export { openCache, openCacheWithBridge, resetCache, resetCacheWithBridge, type Cache, type OpenCacheOptions } from './openCache';
export { CACHE_DB_NAME, CacheDb, JobState, Pinned, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6 } from './schema';
export { deleteStudy, getCachedStudy, listCachedStudies, markOpen, setPinned, touchStudy, usage, type CachedStudy, type CacheUsage } from './studyRepository';
export { listCachedWorklist, listedStudy, matchesFilter, rememberListedStudies, type WorklistStudy } from './cachedWorklist';
export { withCachedStudies, type OfflineAwareOutcome, type OfflineAwareResult } from './offlineWorklist';
export { deriveReadState, ReadState, readStateName, type OutboxFact, type ReadStateName } from './readState';
export { markStudyNew, markStudyOpened, purgeOrphanReadStates, readStates, watchReadStates } from './readStateRepository';
export { getSharedCache, setSharedCache } from './sharedCache';
export { cacheStateOf, getSeriesList, getWorklistRecord, putSeriesList, putWorklistRecord, type CacheState } from './studyListingRepository';
