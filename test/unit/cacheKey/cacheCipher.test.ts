import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CacheCipher } from '../../../renderer/cache/crypto/cacheCipher';
import { createKeyCheck, verifyKeyCheck } from '../../../renderer/cache/crypto/keyCheck';

// The cache's record cipher runs on WebCrypto, which Node provides as globalThis.crypto too.
const newKey = () => randomBytes(32).toString('base64');

describe('CacheCipher (AES-256-GCM records)', () => {
  it('opens what it sealed with the same AAD, for any bytes and AAD', async () => {
    const cipher = await CacheCipher.fromBase64(newKey());
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.string(), async (plain, aad) => {
        const sealed = await cipher.seal(plain, aad);
        expect(sealed.byteLength).toBe(plain.length + 12 + 16);
        expect(Buffer.from(await cipher.open(sealed, aad))).toEqual(Buffer.from(plain));
      }),
      { numRuns: 50 },
    );
  });

  it('refuses another AAD, another key, or any flipped byte', async () => {
    const cipher = await CacheCipher.fromBase64(newKey());
    const other = await CacheCipher.fromBase64(newKey());
    const sealed = await cipher.seal(new TextEncoder().encode('frame bytes'), 'frames|n|1.2.3|1');
    await expect(cipher.open(sealed, 'frames|n|1.2.3|2')).rejects.toThrow();
    await expect(other.open(sealed, 'frames|n|1.2.3|1')).rejects.toThrow();
    for (const index of [0, 11, 12, sealed.byteLength - 1]) {
      const copy = new Uint8Array(sealed.slice(0));
      copy[index] = copy[index]! ^ 1;
      await expect(cipher.open(copy, 'frames|n|1.2.3|1')).rejects.toThrow();
    }
  });

  it('uses a fresh IV per record', async () => {
    const cipher = await CacheCipher.fromBase64(newKey());
    const ivs = new Set<string>();
    for (let i = 0; i < 200; i++) ivs.add(Buffer.from((await cipher.seal(new Uint8Array(4), 'x')).slice(0, 12)).toString('hex'));
    expect(ivs.size).toBe(200);
  });

  it('index keys are stable per key, differ between keys, and never contain the text', async () => {
    const key = newKey();
    const a = await CacheCipher.fromBase64(key);
    const b = await CacheCipher.fromBase64(key);
    const c = await CacheCipher.fromBase64(newKey());
    const text = 'pacs-nord||PID-424242';
    expect(await a.indexKey(text)).toBe(await b.indexKey(text));
    expect(await a.indexKey(text)).not.toBe(await c.indexKey(text));
    expect(await a.indexKey(text)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('refuses a key that is not 32 bytes', async () => {
    await expect(CacheCipher.fromBase64(randomBytes(16).toString('base64'))).rejects.toThrow(RangeError);
  });

  it('the key check opens with its key only', async () => {
    const cipher = await CacheCipher.fromBase64(newKey());
    const check = await createKeyCheck(cipher);
    expect(await verifyKeyCheck(cipher, check)).toBe(true);
    expect(await verifyKeyCheck(await CacheCipher.fromBase64(newKey()), check)).toBe(false);
    expect(await verifyKeyCheck(cipher, 'not a buffer')).toBe(false);
  });
});
