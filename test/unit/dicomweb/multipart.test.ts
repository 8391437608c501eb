import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MultipartError, MultipartParser, buildMultipart, type MultipartPart } from '../../../app/dicomweb';

const enc = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'latin1'));

function parseAll(body: Uint8Array, boundary: string, cuts: number[] = []): MultipartPart[] {
  const parser = new MultipartParser(boundary);
  const parts: MultipartPart[] = [];
  let previous = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parts.push(...parser.push(body.subarray(previous, cut)));
    previous = cut;
  }
  parts.push(...parser.push(body.subarray(previous)));
  parser.end();
  return parts;
}

const boundaryArb = fc.stringMatching(/^[0-9A-Za-z'()+_,\-./:=?]{1,70}$/);
const headerArb = fc.dictionary(
  fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
  fc.stringMatching(/^[!-~]([ -~]{0,30}[!-~])?$/),
  { maxKeys: 3 },
);
const partArb = fc.record({ headers: headerArb, body: fc.uint8Array({ maxLength: 600 }) });

describe('buildMultipart → MultipartParser round trip', () => {
  it('returns the same parts for arbitrary binary bodies and arbitrary chunk splits', () => {
    fc.assert(
      fc.property(boundaryArb, fc.array(partArb, { maxLength: 5 }), fc.array(fc.nat(), { maxLength: 12 }), (boundary, parts, rawCuts) => {
        let body: Uint8Array;
        try {
          body = buildMultipart(parts, boundary);
        } catch (error) {
          fc.pre(!(error instanceof MultipartError && /contains the boundary/.test(error.message)));
          throw error;
        }
        const cuts = rawCuts.map((c) => c % (body.length + 1));
        const parsed = parseAll(body, boundary, cuts);
        expect(parsed.map((p) => p.headers)).toEqual(parts.map((p) => p.headers));
        expect(parsed.map((p) => Array.from(p.body))).toEqual(parts.map((p) => Array.from(p.body)));
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips bodies made of boundary-like bytes, one byte at a time', () => {
    const boundary = 'b0';
    const noise = fc.uint8Array({ maxLength: 80 }).map((bytes) => bytes.map((b) => [0x0d, 0x0a, 0x2d, 0x62, 0x30, 0x20][b % 6]!));
    fc.assert(
      fc.property(fc.array(noise, { minLength: 1, maxLength: 4 }), (bodies) => {
        const parts = bodies.map((body) => ({ headers: { 'content-type': 'application/dicom' }, body }));
        let built: Uint8Array;
        try {
          built = buildMultipart(parts, boundary);
        } catch (error) {
          fc.pre(!(error instanceof MultipartError));
          throw error;
        }
        const everyByte = Array.from({ length: built.length }, (_, i) => i);
        expect(parseAll(built, boundary, everyByte).map((p) => Array.from(p.body))).toEqual(bodies.map((b) => Array.from(b)));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects every truncation before the close delimiter', () => {
    fc.assert(
      fc.property(boundaryArb, fc.array(partArb, { minLength: 1, maxLength: 3 }), fc.nat(), (boundary, parts, rawCut) => {
        let body: Uint8Array;
        try {
          body = buildMultipart(parts, boundary);
        } catch (error) {
          fc.pre(!(error instanceof MultipartError));
          throw error;
        }
        const closeEnd = body.length - 2; // "--boundary--" complete, final CRLF optional
        const cut = rawCut % closeEnd;
        const parser = new MultipartParser(boundary);
        parser.push(body.subarray(0, cut));
        expect(() => parser.end()).toThrow(MultipartError);
      }),
      { numRuns: 300 },
    );
  });
});

describe('MultipartParser', () => {
  const message = enc(
    'preamble to ignore\r\n' +
      '--XyZ  \r\n' +
      'Content-Type: application/dicom\r\n' +
      'Content-Location: /studies/1\r\n' +
      ' continued\r\n' +
      '\r\n' +
      'ABC\r\n--XyZnot-a-delimiter\r\n' +
      '\r\n--XyZ\r\n' +
      '\r\n' +
      '\r\n--XyZ--\r\nepilogue --XyZ\r\n',
  );

  it('parses preamble, transport padding, folded headers, data that looks like a boundary, empty headers and epilogue', () => {
    const parts = parseAll(message, 'XyZ');
    expect(parts).toHaveLength(2);
    expect(parts[0]!.headers).toEqual({ 'content-type': 'application/dicom', 'content-location': '/studies/1 continued' });
    expect(Buffer.from(parts[0]!.body).toString('latin1')).toBe('ABC\r\n--XyZnot-a-delimiter\r\n');
    expect(parts[1]).toEqual({ headers: {}, body: new Uint8Array(0) });
  });

  it('emits each part as soon as its closing delimiter line is seen', () => {
    const parser = new MultipartParser('b');
    expect(parser.push(enc('--b\r\nA: 1\r\n\r\nfirst'))).toEqual([]);
    expect(parser.push(enc('\r\n--b'))).toEqual([]);
    const [first] = parser.push(enc('\r\n'));
    expect(Buffer.from(first!.body).toString()).toBe('first');
    expect(parser.done).toBe(false);
    expect(parser.push(enc('\r\nsecond\r\n--b--'))).toHaveLength(1);
    expect(parser.done).toBe(true);
    expect(parser.push(enc('ignored'))).toEqual([]);
    expect(() => parser.end()).not.toThrow();
  });

  it('takes the boundary from the Content-Type, quoted or not', () => {
    expect(MultipartParser.fromContentType('multipart/related; type="application/dicom"; boundary="a b:c"').boundary).toBe('a b:c');
    expect(MultipartParser.fromContentType('Multipart/Related;boundary=abc;type=application/octet-stream').boundary).toBe('abc');
    expect(() => MultipartParser.fromContentType('application/dicom')).toThrow(/not a multipart/);
    expect(() => MultipartParser.fromContentType('multipart/related; type="application/dicom"')).toThrow(/no boundary/);
    expect(() => new MultipartParser('bad boundary ')).toThrow(MultipartError);
    expect(() => new MultipartParser('x'.repeat(71))).toThrow(MultipartError);
  });

  it('explains truncation and garbage', () => {
    const noBoundary = new MultipartParser('b');
    noBoundary.push(enc('<html>error page</html>'));
    expect(() => noBoundary.end()).toThrow('no multipart boundary "--b" found');

    const inHeaders = new MultipartParser('b');
    inHeaders.push(enc('--b\r\nContent-Type: app'));
    expect(() => inHeaders.end()).toThrow(/incomplete headers of part 1/);

    const inBody = new MultipartParser('b');
    expect(inBody.push(enc('--b\r\n\r\none\r\n--b\r\n\r\ntwo'))).toHaveLength(1);
    expect(() => inBody.end()).toThrow('truncated multipart body: part 2 has no closing boundary (missing "--b--")');

    expect(() => new MultipartParser('b').push(enc('--b\r\nno colon here\r\n\r\nx'))).toThrow(/malformed header line in part 1/);
    expect(() => new MultipartParser('b', { maxHeaderBytes: 10 }).push(enc(`--b\r\nA: ${'x'.repeat(20)}`))).toThrow(/exceed 10 bytes/);
  });

  it('handles a large body pushed in many chunks', () => {
    const body = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251);
    const built = buildMultipart([{ headers: { 'content-type': 'application/octet-stream' }, body }], 'frame-boundary');
    const cuts = Array.from({ length: Math.floor(built.length / 4096) }, (_, i) => (i + 1) * 4096);
    const [part] = parseAll(built, 'frame-boundary', cuts);
    expect(part!.body.length).toBe(body.length);
    expect(Buffer.from(part!.body).equals(Buffer.from(body))).toBe(true);
  });
});

describe('buildMultipart', () => {
  it('writes the RFC 2046 layout', () => {
    const out = buildMultipart([{ headers: { 'Content-Type': 'application/dicom' }, body: enc('DICM') }], 'bnd');
    expect(Buffer.from(out).toString('latin1')).toBe('--bnd\r\nContent-Type: application/dicom\r\n\r\nDICM\r\n--bnd--\r\n');
  });

  it('refuses bodies containing the boundary and unsafe headers', () => {
    expect(() => buildMultipart([{ body: enc('x\r\n--bnd') }], 'bnd')).toThrow(/contains the boundary/);
    expect(() => buildMultipart([{ body: enc('--bnd--') }], 'bnd')).toThrow(/contains the boundary/);
    expect(() => buildMultipart([{ headers: { A: 'x\r\nInjected: 1' }, body: enc('') }], 'bnd')).toThrow(/one line/);
    expect(() => buildMultipart([{ headers: { 'A B': 'x' }, body: enc('') }], 'bnd')).toThrow(/invalid header name/);
    expect(() => buildMultipart([], 'bad\r\n')).toThrow(/invalid boundary/);
  });
});
