import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QidoParamError, buildQidoQuery, encodeQueryComponent, parseQidoParams, type QidoQuery } from '../../../app/dicomweb';

describe('buildQidoQuery (PS3.18 10.6, 8.3.4)', () => {
  it('keeps ^ and wildcards literal in PN values (Orthanc does not percent-decode)', () => {
    expect(buildQidoQuery({ match: { PatientName: 'Doe^J*' } })).toBe('PatientName=Doe^J*');
    expect(buildQidoQuery({ match: { PatientName: 'D?e^*' } })).toBe('PatientName=D?e^*');
  });

  it('writes matching keys, includefield, fuzzymatching, limit and offset', () => {
    expect(
      buildQidoQuery({
        match: { '00100020': 'ID-1', StudyDate: '20240101-20241231', StudyInstanceUID: ['1.2.3', '1.2.4'], 'ReferencedSeriesSequence.SeriesInstanceUID': '1.2' },
        includefield: ['00081030', 'ModalitiesInStudy'],
        fuzzymatching: true,
        limit: 25,
        offset: 50,
      }),
    ).toBe(
      '00100020=ID-1&StudyDate=20240101-20241231&StudyInstanceUID=1.2.3,1.2.4&ReferencedSeriesSequence.SeriesInstanceUID=1.2&includefield=00081030,ModalitiesInStudy&fuzzymatching=true&limit=25&offset=50',
    );
    expect(buildQidoQuery({ includefield: 'all' })).toBe('includefield=all');
    expect(buildQidoQuery({})).toBe('');
  });

  it('encodes only what a query string cannot carry', () => {
    expect(encodeQueryComponent("a b&c=d+e#f%g'h")).toBe('a%20b%26c%3Dd%2Be%23f%25g%27h');
    expect(encodeQueryComponent('Müller^Zoë')).toBe('M%C3%BCller^Zo%C3%AB');
    expect(encodeQueryComponent('A\\B,C-D.E/F:G@H')).toBe('A\\B,C-D.E/F:G@H');
    expect(encodeQueryComponent('\n\u007f')).toBe('%0A%7F');
  });

  it('rejects invalid attributeIDs and counts', () => {
    expect(() => buildQidoQuery({ match: { 'patient name': 'x' } })).toThrow(QidoParamError);
    expect(() => buildQidoQuery({ match: { limit: '3' } })).toThrow(QidoParamError);
    expect(() => buildQidoQuery({ match: { '0010001': 'x' } })).toThrow(QidoParamError);
    expect(() => buildQidoQuery({ includefield: ['x y'] })).toThrow(QidoParamError);
    expect(() => buildQidoQuery({ limit: 0 })).toThrow(/limit/);
    expect(() => buildQidoQuery({ offset: -1 })).toThrow(/offset/);
    expect(() => buildQidoQuery({ limit: 1.5 })).toThrow(/limit/);
  });
});

describe('parseQidoParams', () => {
  it('reads matching keys and control parameters from URLSearchParams', () => {
    const params = new URLSearchParams('PatientName=Doe^J*&00100020=A%26B&includefield=00081030,StudyDescription&includefield=00080061&fuzzymatching=false&limit=10&offset=0');
    expect(parseQidoParams(params)).toEqual({
      match: { PatientName: 'Doe^J*', '00100020': 'A&B' },
      includefield: ['00081030', 'StudyDescription', '00080061'],
      fuzzymatching: false,
      limit: 10,
      offset: 0,
    });
    expect(parseQidoParams(new URLSearchParams('includefield=00081030&includefield=all'))).toEqual({ includefield: 'all' });
  });

  it.each([
    ['limit=ten', /limit must be a non-negative integer/],
    ['limit=0', /limit must be an integer >= 1/],
    ['offset=-2', /offset must be a non-negative integer/],
    ['fuzzymatching=yes', /fuzzymatching must be "true" or "false"/],
    ['url=https://evil.example', /unknown query parameter "url"/],
    ['PatientID=1&PatientID=2', /given more than once/],
    ['includefield=bad-field', /includefield: invalid attributeID/],
  ])('rejects %s', (query, expected) => {
    expect(() => parseQidoParams(new URLSearchParams(query))).toThrow(expected);
  });

  it('round-trips through a real query string (property)', () => {
    const keyword = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,20}$/);
    const tag = fc.stringMatching(/^[0-9A-F]{8}$/);
    const queryArb: fc.Arbitrary<QidoQuery> = fc.record(
      {
        match: fc.dictionary(fc.oneof(keyword, tag), fc.string({ unit: 'grapheme', maxLength: 20 }), { minKeys: 1, maxKeys: 4 }),
        includefield: fc.oneof(fc.constant('all' as const), fc.uniqueArray(fc.oneof(keyword, tag), { minLength: 1, maxLength: 4 })),
        fuzzymatching: fc.boolean(),
        limit: fc.integer({ min: 1, max: 10_000 }),
        offset: fc.nat({ max: 1_000_000 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(queryArb, (query) => {
        const text = buildQidoQuery(query);
        expect(parseQidoParams(new URLSearchParams(text))).toEqual(query);
        expect(new URL(`http://h/studies?${text}`).search.slice(1)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
