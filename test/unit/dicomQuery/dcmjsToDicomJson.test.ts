import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dcmjsToDicomJson } from '../../../app/dicom/dcmjsToDicomJson';
import { encodeBase64 } from '../../../app/dicom/encodeBase64';

describe('dcmjsToDicomJson (PS3.18 F.2)', () => {
  it('converts PN, numbers, empty values, binary and sequences', () => {
    const big = new Uint8Array(2000).fill(7).buffer;
    const json = dcmjsToDicomJson(
      {
        '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Doe^Jane' }] },
        '00200013': { vr: 'IS', Value: [3] },
        '00280030': { vr: 'DS', Value: ['0.5', '0.5'] },
        '00080050': { vr: 'SH', Value: [''] },
        '00020000': { vr: 'UL', Value: [12] },
        '00091001': { vr: 'OB', Value: [new Uint8Array([1, 2, 3]).buffer] },
        '00091002': { vr: 'OW', Value: [big] },
        '00081140': { vr: 'SQ', Value: [{ '00081155': { vr: 'UI', Value: ['1.2'] }, '00091003': { vr: 'OB', Value: [big] } }] },
      },
      { bulkDataUri: (path, _vr, n) => (n > 1024 ? `bulk/${path.join('/')}` : undefined) },
    );
    expect(json).toEqual({
      '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Doe^Jane' }] },
      '00200013': { vr: 'IS', Value: [3] },
      '00280030': { vr: 'DS', Value: [0.5, 0.5] },
      '00080050': { vr: 'SH' },
      '00091001': { vr: 'OB', InlineBinary: 'AQID' },
      '00091002': { vr: 'OW', BulkDataURI: 'bulk/00091002' },
      '00081140': { vr: 'SQ', Value: [{ '00081155': { vr: 'UI', Value: ['1.2'] }, '00091003': { vr: 'OB', BulkDataURI: 'bulk/00081140/0/00091003' } }] },
    });
  });

  it('property: encodeBase64 agrees with Node', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => encodeBase64(bytes) === Buffer.from(bytes).toString('base64')));
  });
});
