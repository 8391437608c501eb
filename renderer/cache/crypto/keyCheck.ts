import type { CacheCipher } from './cacheCipher';

/** The settings key of the key check record. */
export const KEY_CHECK_SETTING = 'keyCheck';

/** The known constant sealed at database creation. */
export const KEY_CHECK_TEXT = 'garde-cache-key-check-v1';

const AAD = 'settings|keyCheck';

/** The key check value: the constant sealed with the cache's key. */
export async function createKeyCheck(cipher: CacheCipher): Promise<ArrayBuffer> {
  return cipher.seal(new TextEncoder().encode(KEY_CHECK_TEXT), AAD);
}

/** Whether `sealed` opens with this key and holds the constant. */
export async function verifyKeyCheck(cipher: CacheCipher, sealed: unknown): Promise<boolean> {
  if (!(sealed instanceof ArrayBuffer) && !(sealed instanceof Uint8Array)) return false;
  try {
    return new TextDecoder().decode(await cipher.open(sealed, AAD)) === KEY_CHECK_TEXT;
  } catch {
    return false;
  }
}
