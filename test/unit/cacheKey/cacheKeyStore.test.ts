import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_KEY_VAULT_ENTRY, fileCacheKeyStore, isCacheKey, vaultCacheKeyStore } from '../../../main/cacheKey';
import { Vault, type SecretCipher } from '../../../main/secrets/vault';

/** A stand-in for safeStorage whose decryption can be made to fail (another user's keyring). */
function switchableCipher(): SecretCipher & { broken: boolean } {
  const cipher = {
    broken: false,
    encrypt: (plain: string) => Buffer.from(`enc:${Buffer.from(plain).toString('hex')}`),
    decrypt: (data: Buffer) => {
      if (cipher.broken) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(data.toString().slice(4), 'hex').toString();
    },
  };
  return cipher;
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'garde-cachekey-'));

describe('cache key in the vault (desktop)', () => {
  it('creates one key on first use, even for simultaneous first calls, and keeps it encrypted', async () => {
    const dir = tempDir();
    const store = vaultCacheKeyStore(new Vault(join(dir, 'vault.json'), switchableCipher()));
    const [a, b] = await Promise.all([store.get(), store.get()]);
    expect(a).toEqual(b);
    expect(a.protection).toBe('os-keychain');
    expect(isCacheKey(a.key)).toBe(true);
    expect(readFileSync(join(dir, 'vault.json'), 'utf8')).not.toContain(a.key);
    const reopened = vaultCacheKeyStore(new Vault(join(dir, 'vault.json'), switchableCipher()));
    expect(await reopened.get()).toEqual(a);
  });

  it('a key the keychain cannot decrypt is CACHE_KEY_MISMATCH and stays until renewed', async () => {
    const dir = tempDir();
    const cipher = switchableCipher();
    const vault = new Vault(join(dir, 'vault.json'), cipher);
    const store = vaultCacheKeyStore(vault);
    const first = await store.get();
    cipher.broken = true;
    await expect(store.get()).rejects.toMatchObject({ code: 'CACHE_KEY_MISMATCH' });
    await expect(store.get()).rejects.toMatchObject({ code: 'CACHE_KEY_MISMATCH' });
    cipher.broken = false;
    expect(await vault.get(CACHE_KEY_VAULT_ENTRY)).toBe(first.key);
    const renewed = await store.get({ renew: true });
    expect(renewed.key).not.toBe(first.key);
  });
});

describe('cache key file (web mode)', () => {
  it('writes <dataDir>/cache.key with mode 0600 and reads it back', async () => {
    const file = join(tempDir(), 'cache.key');
    const first = await fileCacheKeyStore(file).get();
    expect(first.protection).toBe('key-file');
    expect(Buffer.from(first.key, 'base64')).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await fileCacheKeyStore(file).get()).toEqual(first);
  });

  it('a file that is not a key is reported and left untouched', async () => {
    const file = join(tempDir(), 'cache.key');
    writeFileSync(file, Buffer.from('short').toString('base64'));
    await expect(fileCacheKeyStore(file).get()).rejects.toMatchObject({ code: 'CACHE_KEY_MISMATCH', message: expect.stringContaining(file) });
    expect(readFileSync(file, 'utf8')).toBe(Buffer.from('short').toString('base64'));
    const renewed = await fileCacheKeyStore(file).get({ renew: true });
    expect(readFileSync(file, 'utf8').trim()).toBe(renewed.key);
  });
});
