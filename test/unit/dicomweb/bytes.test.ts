import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiBytes, concatBytes, formatContentType, indexOfBytes, latin1String, parseContentType, utf8Bytes, utf8String } from '../../../app/dicomweb';

describe('byte helpers', () => {
  it('encode and decode UTF-8 like Node does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(Buffer.from(utf8Bytes(text)).equals(Buffer.from(text, 'utf8'))).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.string({ unit: "binary" }).map((s) => Uint8Array.from(Buffer.from(s, "utf8")))), (bytes) => {
        expect(utf8String(bytes)).toBe(new TextDecoder().decode(bytes));
      }),
    );
  });

  it('finds sub-arrays like Buffer.indexOf', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }).map((b) => b.map((x) => x % 3)), fc.uint8Array({ minLength: 1, maxLength: 4 }).map((b) => b.map((x) => x % 3)), fc.nat({ max: 200 }), (hay, needle, from) => {
        expect(indexOfBytes(hay, needle, from)).toBe(from > hay.length ? -1 : Buffer.from(hay).indexOf(Buffer.from(needle), from));
      }),
    );
  });

  it('handles ASCII, Latin-1 and concatenation', () => {
    expect(Array.from(asciiBytes('AZ\r\n'))).toEqual([65, 90, 13, 10]);
    expect(() => asciiBytes('é')).toThrow(RangeError);
    expect(latin1String(Uint8Array.from([0x41, 0xe9, 0xff]))).toBe('Aéÿ');
    expect(Array.from(concatBytes([Uint8Array.of(1), new Uint8Array(0), Uint8Array.of(2, 3)]))).toEqual([1, 2, 3]);
  });
});

describe('parseContentType / formatContentType', () => {
  it('parses the DICOMweb multipart content type', () => {
    expect(parseContentType('Multipart/Related; type="application/dicom+xml; transfer-syntax=1.2.840.10008.1.2.1"; Boundary="b\\"q"')).toEqual({
      mediaType: 'multipart/related',
      type: 'multipart',
      subtype: 'related',
      parameters: { type: 'application/dicom+xml; transfer-syntax=1.2.840.10008.1.2.1', boundary: 'b"q' },
    });
    expect(parseContentType('application/dicom')?.parameters).toEqual({});
  });

  it('rejects malformed values', () => {
    for (const bad of ['', 'dicom', 'a/b; boundary="unterminated', 'a/b; =x', 'a b/c', 'a/b; boundary="x" junk']) {
      expect(parseContentType(bad), bad).toBeUndefined();
    }
  });

  it('formats values that parse back', () => {
    const text = formatContentType('multipart/related', { type: 'application/dicom', boundary: 'abc' });
    expect(text).toBe('multipart/related; type="application/dicom"; boundary=abc');
    expect(parseContentType(text)?.parameters).toEqual({ type: 'application/dicom', boundary: 'abc' });
    expect(() => formatContentType('a/b', { x: 'a\r\nb' })).toThrow(RangeError);
  });
});
