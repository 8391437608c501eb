import { describe, expect, it } from 'vitest';
import { describeDicomJson, filterTagRows } from '../../../app/dicom/describeDicomJson';

const dataset = {
  '00100020': { vr: 'LO', Value: ['VW-4242'] },
  '00100010': { vr: 'PN', Value: [{ Alphabetic: 'VIEWER^Paula' }] },
  '00280030': { vr: 'DS', Value: [0.5, 0.5] },
  '7FE00010': { vr: 'OW', BulkDataURI: 'http://x/bulk' },
  '00082112': { vr: 'SQ', Value: [{ '00081150': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] } }] },
  '00091001': { vr: 'LO', Value: ['private'] },
};

describe('describeDicomJson', () => {
  const rows = describeDicomJson(dataset);
  it('lists attributes in tag order with keywords from the dictionary', () => {
    expect(rows.map((r) => r.tag)).toEqual(['(0008,2112)', '(0009,1001)', '(0010,0010)', '(0010,0020)', '(0028,0030)', '(7FE0,0010)']);
    expect(rows.map((r) => r.keyword)).toEqual(['SourceImageSequence', undefined, 'PatientName', 'PatientID', 'PixelSpacing', 'PixelData']);
  });
  it('renders values as text, binary as binary, sequences as items', () => {
    expect(rows.find((r) => r.keyword === 'PatientName')!.text).toBe('VIEWER^Paula');
    expect(rows.find((r) => r.keyword === 'PixelSpacing')!.text).toBe('0.5\\0.5');
    expect(rows.find((r) => r.keyword === 'PixelData')!.binary).toBe(true);
    const items = rows.find((r) => r.keyword === 'SourceImageSequence')!.items!;
    expect(items[0]![0]).toMatchObject({ keyword: 'ReferencedSOPClassUID', text: '1.2.840.10008.5.1.4.1.1.2' });
  });
  it('filters by keyword, tag or value, keeping sequences with matching items', () => {
    expect(filterTagRows(rows, 'patientid').map((r) => r.keyword)).toEqual(['PatientID']);
    expect(filterTagRows(rows, '0028,0030').map((r) => r.keyword)).toEqual(['PixelSpacing']);
    const kept = filterTagRows(rows, 'ReferencedSOPClass');
    expect(kept.map((r) => r.keyword)).toEqual(['SourceImageSequence']);
    expect(filterTagRows(rows, '')).toBe(rows);
  });
});
