import { describe, expect, it } from 'vitest';
import {
  DicomJsonTag,
  getBulkDataURI,
  getNumber,
  getNumbers,
  getPersonName,
  getSequence,
  getString,
  getStrings,
  normalizeTag,
  personNameText,
  type DicomJsonDataset,
} from '../../../app/dicomweb';

const study: DicomJsonDataset = {
  '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Doe^Jane', Ideographic: '山田^太郎' }] },
  '00100020': { vr: 'LO', Value: ['PAT-1'] },
  '00080061': { vr: 'CS', Value: ['CT', null, 'PT'] },
  '00201208': { vr: 'IS', Value: [12] },
  '00281050': { vr: 'DS', Value: ['40', '400.5', ''] },
  '00081115': { vr: 'SQ', Value: [{ '0020000E': { vr: 'UI', Value: ['1.2.3.1'] } }, { '0020000E': { vr: 'UI', Value: ['1.2.3.2'] } }] },
  '7FE00010': { vr: 'OW', BulkDataURI: 'http://pacs/bulk/1' },
  '00081030': { vr: 'LO' },
};

describe('DICOM JSON accessors (PS3.18 F.2)', () => {
  it('reads strings, skipping empty values', () => {
    expect(getString(study, DicomJsonTag.PatientID)).toBe('PAT-1');
    expect(getStrings(study, DicomJsonTag.ModalitiesInStudy)).toEqual(['CT', 'PT']);
    expect(getString(study, '00081030')).toBeUndefined();
    expect(getString(study, '00200010')).toBeUndefined();
  });

  it('reads numbers given as JSON numbers or numeric strings', () => {
    expect(getNumber(study, '00201208')).toBe(12);
    expect(getNumbers(study, '00281050')).toEqual([40, 400.5]);
  });

  it('reads person names by component group', () => {
    const name = getPersonName(study, DicomJsonTag.PatientName);
    expect(name).toEqual({ Alphabetic: 'Doe^Jane', Ideographic: '山田^太郎' });
    expect(personNameText(name)).toBe('Doe^Jane');
    expect(personNameText({ Ideographic: '山田^太郎' })).toBe('山田^太郎');
    expect(personNameText(undefined)).toBeUndefined();
  });

  it('reads sequence items and bulk data URIs; accepts tags in any usual form', () => {
    expect(getSequence(study, '(0008,1115)').map((item) => getString(item, '0020000e'))).toEqual(['1.2.3.1', '1.2.3.2']);
    expect(getSequence(study, '00100020')).toEqual([]);
    expect(getBulkDataURI(study, '7fe00010')).toBe('http://pacs/bulk/1');
    expect(normalizeTag('(7fe0,0010)')).toBe('7FE00010');
    expect(() => normalizeTag('PatientName')).toThrow(RangeError);
  });
});
