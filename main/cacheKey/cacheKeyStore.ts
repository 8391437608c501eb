import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { CacheKeyResponse } from '../../app/ipc/contract';
import { GardeError } from '../../app/ipc/errors';
import { writeFileAtomic } from '../paths/writeFileAtomic';
import type { Vault } from '../secrets/vault';

/** Length of the cache key: AES-256. */
export const CACHE_KEY_BYTES = 32;

/** The vault entry holding the cache key in the desktop app. */
export const CACHE_KEY_VAULT_ENTRY = 'cache/aes-gcm';

/** Gives the renderer's cache key, creating it on first use; `renew` replaces it. */
export interface CacheKeyStore {
  get(options?: { renew?: boolean }): Promise<CacheKeyResponse>;
}

function newKey(): string {
  return randomBytes(CACHE_KEY_BYTES).toString('base64');
}

/** Whether a stored text is a base64 key of {@link CACHE_KEY_BYTES} bytes. */
export function isCacheKey(text: string): boolean {
  return /^[A-Za-z0-9+/]+={0,2}$/.test(text) && Buffer.from(text, 'base64').length === CACHE_KEY_BYTES;
}

function unreadable(where: string, reason: string): GardeError {
  return new GardeError('CACHE_KEY_MISMATCH', `the cache key in ${where} cannot be used (${reason}); reset the cache to create a new key`);
}

/**
 * The desktop key store: the key lives in the credential vault (Electron safeStorage) under
 * {@link CACHE_KEY_VAULT_ENTRY}. A key that the vault cannot decrypt is reported, never replaced
 * silently (a locked keyring would otherwise destroy the cache); `renew` replaces it.
 */
export function vaultCacheKeyStore(vault: Vault): CacheKeyStore {
  let pending: Promise<CacheKeyResponse> | undefined;
  async function load(renew: boolean): Promise<CacheKeyResponse> {
    if (renew || !(await vault.has(CACHE_KEY_VAULT_ENTRY))) {
      const key = newKey();
      await vault.set(CACHE_KEY_VAULT_ENTRY, key);
      return { key, protection: 'os-keychain' };
    }
    let key: string;
    try {
      key = await vault.get(CACHE_KEY_VAULT_ENTRY);
    } catch (error) {
      throw unreadable(vault.file, (error as Error).message);
    }
    if (!isCacheKey(key)) throw unreadable(vault.file, 'not a 32-byte key');
    return { key, protection: 'os-keychain' };
  }
  return {
    get(options = {}) {
      // One creation at a time: two first calls must not make two different keys.
      const run = (pending ?? Promise.resolve()).catch(() => undefined).then(() => load(options.renew === true));
      pending = run;
      return run;
    },
  };
}

/**
 * The web-mode key store: a file holding the base64 key (`<dataDir>/cache.key`, mode 0600,
 * written atomically). A file that is not a key is reported and left as it is unless `renew`.
 */
export function fileCacheKeyStore(file: string): CacheKeyStore {
  let pending: Promise<CacheKeyResponse> | undefined;
  async function load(renew: boolean): Promise<CacheKeyResponse> {
    if (!renew) {
      let text: string | undefined;
      try {
        text = (await readFile(file, 'utf8')).trim();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw unreadable(file, (error as Error).message);
      }
      if (text !== undefined) {
        if (!isCacheKey(text)) throw unreadable(file, 'not a 32-byte base64 key');
        return { key: text, protection: 'key-file' };
      }
    }
    const key = newKey();
    await writeFileAtomic(file, `${key}\n`, 0o600);
    return { key, protection: 'key-file' };
  }
  return {
    get(options = {}) {
      const run = (pending ?? Promise.resolve()).catch(() => undefined).then(() => load(options.renew === true));
      pending = run;
      return run;
    },
  };
}
