export { CACHE_KEY_BYTES, CACHE_KEY_VAULT_ENTRY, fileCacheKeyStore, isCacheKey, vaultCacheKeyStore, type CacheKeyStore } from './cacheKeyStore';
