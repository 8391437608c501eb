import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeContentCoding } from '../../../main/dicomweb/fetchUpstream';

const json = Buffer.from(JSON.stringify([{ '0020000D': { vr: 'UI', Value: ['1.2.3'] } }]));
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

describe('decodeContentCoding: answers the gateway reads whole (RFC 9110 8.4.1)', () => {
  it('undoes gzip, br and deflate (zlib-wrapped or raw), and leaves identity alone', () => {
    expect(text(decodeContentCoding(gzipSync(json), 'gzip'))).toBe(json.toString());
    expect(text(decodeContentCoding(brotliCompressSync(json), 'br'))).toBe(json.toString());
    expect(text(decodeContentCoding(deflateSync(json), 'deflate'))).toBe(json.toString());
    expect(text(decodeContentCoding(deflateRawSync(json), 'deflate'))).toBe(json.toString());
    expect(text(decodeContentCoding(json, null))).toBe(json.toString());
    expect(text(decodeContentCoding(json, 'identity'))).toBe(json.toString());
  });

  it('undoes several codings in the reverse order of their listing', () => {
    expect(text(decodeContentCoding(brotliCompressSync(gzipSync(json)), 'gzip, br'))).toBe(json.toString());
  });

  it('refuses an unknown coding and bytes that do not decode', () => {
    expect(() => decodeContentCoding(json, 'compress')).toThrow('unknown content coding "compress"');
    expect(() => decodeContentCoding(json, 'gzip')).toThrow();
  });
});
