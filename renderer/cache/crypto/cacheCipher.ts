/**
 * Encryption at rest of the local cache: AES-256-GCM (WebCrypto) with a random 96-bit IV per
 * record and the record's identity (table, UIDs, frame number) as additional authenticated data,
 * so a record moved under another key fails to decrypt. The 32-byte key from main
 * (`getCacheKey`) is the HKDF-SHA-256 input of two keys: one for AES-GCM, one for HMAC-SHA-256
 * index keys (patients are indexed by a keyed hash, never by name or ID).
 */

const IV_BYTES = 12;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function bytesOf(data: ArrayBuffer | Uint8Array): Uint8Array<ArrayBuffer> {
  if (data instanceof Uint8Array) return data as Uint8Array<ArrayBuffer>;
  return new Uint8Array(data);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The derived keys of a {@link CacheCipher} (non-extractable CryptoKeys). */
export interface CacheCipherKeys {
  aes: CryptoKey;
  hmac: CryptoKey;
}

/** AES-GCM sealing and HMAC index keys for cache records. */
export class CacheCipher {
  private constructor(
    private readonly aes: CryptoKey,
    private readonly hmac: CryptoKey,
  ) {}

  /** Derives the record and index keys from the 32-byte base64 key given by main. */
  static async fromBase64(key: string): Promise<CacheCipher> {
    const raw = fromBase64(key);
    if (raw.length !== 32) throw new RangeError(`the cache key must be 32 bytes, got ${raw.length}`);
    const base = await crypto.subtle.importKey('raw', raw, 'HKDF', false, ['deriveKey']);
    const params = (info: string): HkdfParams => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: encoder.encode(info) });
    const aes = await crypto.subtle.deriveKey(params('garde-cache/aes-gcm'), base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const hmac = await crypto.subtle.deriveKey(params('garde-cache/index-hmac'), base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']);
    return new CacheCipher(aes, hmac);
  }

  /**
   * The same cipher from the keys of {@link keys}, in another context of the page (a worker):
   * CryptoKeys cross `postMessage` without ever being extractable.
   */
  static fromKeys(keys: CacheCipherKeys): CacheCipher {
    return new CacheCipher(keys.aes, keys.hmac);
  }

  /** The derived keys, to hand to a worker with `postMessage` (they stay non-extractable). */
  keys(): CacheCipherKeys {
    return { aes: this.aes, hmac: this.hmac };
  }

  /** Encrypts `plain` bound to `aad`: `iv || ciphertext+tag`. */
  async seal(plain: ArrayBuffer | Uint8Array, aad: string): Promise<ArrayBuffer> {
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const cipherText = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(aad) }, this.aes, bytesOf(plain));
    const out = new Uint8Array(IV_BYTES + cipherText.byteLength);
    out.set(iv, 0);
    out.set(new Uint8Array(cipherText), IV_BYTES);
    return out.buffer;
  }

  /** Decrypts what {@link seal} made with the same `aad`; rejects when the key, the AAD or a byte differs. */
  async open(sealed: ArrayBuffer | Uint8Array, aad: string): Promise<Uint8Array<ArrayBuffer>> {
    const bytes = bytesOf(sealed);
    if (bytes.length < IV_BYTES + 16) throw new RangeError('sealed record too short');
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES), additionalData: encoder.encode(aad) },
      this.aes,
      bytes.subarray(IV_BYTES),
    );
    return new Uint8Array(plain);
  }

  /** {@link seal} of a value's JSON text. */
  sealJson(value: unknown, aad: string): Promise<ArrayBuffer> {
    return this.seal(encoder.encode(JSON.stringify(value)), aad);
  }

  /** {@link open} of a JSON value. */
  async openJson<T>(sealed: ArrayBuffer | Uint8Array, aad: string): Promise<T> {
    return JSON.parse(decoder.decode(await this.open(sealed, aad))) as T;
  }

  /** A keyed hash of `text` (HMAC-SHA-256, 128 bits as hex) usable as an index without revealing it. */
  async indexKey(text: string): Promise<string> {
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', this.hmac, encoder.encode(text)));
    return [...mac.subarray(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }
}
