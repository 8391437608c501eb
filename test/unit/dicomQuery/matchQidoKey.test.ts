import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchQidoKey } from '../../../app/dicomweb/matchQidoKey';

const str = (...values: string[]) => ({ vr: 'LO', Value: values });
const pn = (...names: string[]) => ({ vr: 'PN', Value: names.map((Alphabetic) => ({ Alphabetic })) });
const attr = (vr: string, ...values: unknown[]) => ({ vr, Value: values });

describe('matchQidoKey (PS3.4 C.2.2.2)', () => {
  it('universal matching: empty key and "*" match anything, even an absent attribute', () => {
    expect(matchQidoKey('LO', '', undefined)).toBe(true);
    expect(matchQidoKey('DA', '*', undefined)).toBe(true);
    expect(matchQidoKey('LO', 'x', undefined)).toBe(false);
    expect(matchQidoKey('LO', 'x', { vr: 'LO' })).toBe(false);
  });

  it('single value matching is exact and case-sensitive for non-PN', () => {
    expect(matchQidoKey('LO', 'ABC', str('ABC'))).toBe(true);
    expect(matchQidoKey('LO', 'abc', str('ABC'))).toBe(false);
    expect(matchQidoKey('SH', 'AB', str('ABC'))).toBe(false);
  });

  it('wildcards * and ? (C.2.2.2.4); regex characters are literal', () => {
    expect(matchQidoKey('LO', 'CT*', str('CT CHEST'))).toBe(true);
    expect(matchQidoKey('LO', 'C?', str('CT'))).toBe(true);
    expect(matchQidoKey('LO', 'C?', str('CTA'))).toBe(false);
    expect(matchQidoKey('LO', 'a.c', str('abc'))).toBe(false);
    expect(matchQidoKey('LO', '(x)+', str('(x)+'))).toBe(true);
  });

  it('property: a literal key matches itself, "*" matches everything, prefix* matches', () => {
    const text = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !/[*?\\,]/.test(s));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(matchQidoKey('LO', a, str(a))).toBe(true);
        expect(matchQidoKey('LO', `${a}*`, str(a + b))).toBe(true);
        expect(matchQidoKey('LO', a, str(b))).toBe(a === b);
        expect(matchQidoKey('LO', '?'.repeat([...a].length), str(a))).toBe(true);
      }),
    );
  });

  it('UID list matching with "," or "\\" (C.2.2.2.2)', () => {
    expect(matchQidoKey('UI', '1.2,1.3', attr('UI', '1.3'))).toBe(true);
    expect(matchQidoKey('UI', '1.2\\1.3', attr('UI', '1.2'))).toBe(true);
    expect(matchQidoKey('UI', '1.2,1.3', attr('UI', '1.4'))).toBe(false);
    expect(matchQidoKey('UI', '1.*', attr('UI', '1.4'))).toBe(false);
  });

  it('date ranges (C.2.2.2.5): closed, open, single', () => {
    const d = attr('DA', '20240115');
    expect(matchQidoKey('DA', '20240101-20240131', d)).toBe(true);
    expect(matchQidoKey('DA', '20240116-20240131', d)).toBe(false);
    expect(matchQidoKey('DA', '20240115-', d)).toBe(true);
    expect(matchQidoKey('DA', '-20240114', d)).toBe(false);
    expect(matchQidoKey('DA', '20240115', d)).toBe(true);
    expect(matchQidoKey('DA', '20240116', d)).toBe(false);
  });

  it('property: a date is in [a, b] iff a <= date <= b', () => {
    const date = fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((x) => x.toISOString().slice(0, 10).replace(/-/g, ''));
    fc.assert(
      fc.property(date, date, date, (v, a, b) => {
        expect(matchQidoKey('DA', `${a}-${b}`, attr('DA', v))).toBe(a <= v && v <= b);
        expect(matchQidoKey('DA', `${a}-`, attr('DA', v))).toBe(a <= v);
        expect(matchQidoKey('DA', `-${b}`, attr('DA', v))).toBe(v <= b);
      }),
    );
  });

  it('time ranges: partial times cover their span, fractions and colons are handled', () => {
    expect(matchQidoKey('TM', '12', attr('TM', '123456.789'))).toBe(true);
    expect(matchQidoKey('TM', '1200-1300', attr('TM', '1259'))).toBe(true);
    expect(matchQidoKey('TM', '1200-1259', attr('TM', '125959.5'))).toBe(true);
    expect(matchQidoKey('TM', '1300-', attr('TM', '12:59:59'))).toBe(false);
    expect(matchQidoKey('DT', '20240101-20240101', attr('DT', '20240101235959.000000+0100'))).toBe(true);
  });

  it('person names: case-insensitive, trailing ^ ignored, wildcards, any component group', () => {
    expect(matchQidoKey('PN', 'doe^john', pn('Doe^John'))).toBe(true);
    expect(matchQidoKey('PN', 'DOE^JOHN', pn('Doe^John^^^'))).toBe(true);
    expect(matchQidoKey('PN', 'Doe*', pn('Doe^John'))).toBe(true);
    expect(matchQidoKey('PN', 'John', pn('Doe^John'))).toBe(false);
    expect(matchQidoKey('PN', 'Yamada*', { vr: 'PN', Value: [{ Alphabetic: 'Yamada^Tarou', Ideographic: '山田^太郎' }] })).toBe(true);
    expect(matchQidoKey('PN', '山田*', { vr: 'PN', Value: [{ Alphabetic: 'Yamada^Tarou', Ideographic: '山田^太郎' }] })).toBe(true);
  });

  it('fuzzy person-name matching (PS3.18 8.3.4.2): each word starts some name component', () => {
    expect(matchQidoKey('PN', 'john', pn('Doe^John'), { fuzzy: true })).toBe(true);
    expect(matchQidoKey('PN', 'jo do', pn('Doe^John'), { fuzzy: true })).toBe(true);
    expect(matchQidoKey('PN', 'smith', pn('Doe^John'), { fuzzy: true })).toBe(false);
    expect(matchQidoKey('PN', 'john', pn('Doe^John'))).toBe(false);
  });

  it('property: PN matching ignores case of ASCII letters', () => {
    const name = fc.stringMatching(/^[A-Za-z]{1,8}\^[A-Za-z]{1,8}$/);
    fc.assert(fc.property(name, (n) => matchQidoKey('PN', n.toLowerCase(), pn(n.toUpperCase())) === true));
  });

  it('code strings: list matching and multi-valued attributes (ModalitiesInStudy)', () => {
    const modalities = attr('CS', 'CT', 'SR');
    expect(matchQidoKey('CS', 'CT', modalities)).toBe(true);
    expect(matchQidoKey('CS', 'MR', modalities)).toBe(false);
    expect(matchQidoKey('CS', 'MR\\SR', modalities)).toBe(true);
    expect(matchQidoKey('CS', 'MR,CT', modalities)).toBe(true);
  });

  it('numbers compare numerically', () => {
    expect(matchQidoKey('IS', '7', attr('IS', 7))).toBe(true);
    expect(matchQidoKey('IS', '007', attr('IS', 7))).toBe(true);
    expect(matchQidoKey('US', '8', attr('US', 7))).toBe(false);
  });
});
