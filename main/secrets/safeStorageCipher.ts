import { safeStorage } from 'electron';
import type { SecretCipher } from './vault';

/**
 * The desktop app's cipher: Electron safeStorage (DPAPI on Windows, Keychain on macOS, the
 * desktop keyring on Linux). Returns undefined when the system offers no encryption, in which case
 * credentials stay inline in the nodes file as in web mode. Call after the app is ready.
 */
export function safeStorageCipher(): SecretCipher | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (cipherText) => safeStorage.decryptString(cipherText),
  };
}
