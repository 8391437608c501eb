import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPart10Dataset } from '../../../app/dicom/part10Dataset';
import { repairNestedUtf8 } from '../../../app/dicom/repairNestedUtf8';
import { buildReportSr } from '../../../app/report';
import { sampleReport } from '../../fixtures/report/sampleReport';

const asLatin1 = (text: string) => String.fromCharCode(...new TextEncoder().encode(text));

describe('UTF-8 text inside sequences (dcmjs decodes it as Latin-1)', () => {
  it('gives the text back, and never changes a correctly decoded value', () => {
    expect(repairNestedUtf8(asLatin1('Hélène d’Arc — ✓'))).toBe('Hélène d’Arc — ✓');
    expect(repairNestedUtf8('Hélène')).toBe('Hélène');
    expect(repairNestedUtf8('plain')).toBe('plain');
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => repairNestedUtf8(asLatin1(s)) === s));
  });

  it('reads a UTF-8 SR’s content items as written', () => {
    const { dataset } = readPart10Dataset(buildReportSr(sampleReport()));
    expect(JSON.stringify(dataset)).toContain('Téléradiologie Garde');
    expect(JSON.stringify(dataset)).toContain('Embolie pulmonaire lobaire inférieure droite.');
    expect(JSON.stringify(dataset)).not.toContain('Ã');
  });
});
