import { describe, expect, it } from 'vitest';
import { matchQidoQuery, resolveQidoKeys } from '../../../app/dicomweb/matchQidoQuery';
import { QidoParamError } from '../../../app/dicomweb/qidoQuery';
import { resolveIncludeFields, selectQidoAttributes } from '../../../app/dicomweb/qidoReturnAttributes';

const record = {
  '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Doe^Jane' }] },
  '00080020': { vr: 'DA', Value: ['20240115'] },
  '00080061': { vr: 'CS', Value: ['CT', 'MR'] },
  '0020000D': { vr: 'UI', Value: ['1.2.3'] },
  '00081030': { vr: 'LO', Value: ['CHEST'] },
  '00400275': { vr: 'SQ', Value: [{ '00401001': { vr: 'SH', Value: ['RP1'] } }] },
};

describe('matchQidoQuery', () => {
  it('resolves keywords and tags, and ANDs the keys', () => {
    const keys = resolveQidoKeys({ PatientName: 'doe*', '00080020': '20240101-20240131', ModalitiesInStudy: 'MR' });
    expect(keys.map((k) => [k.tags, k.vr])).toEqual([[['00100010'], 'PN'], [['00080020'], 'DA'], [['00080061'], 'CS']]);
    expect(matchQidoQuery(record, keys)).toBe(true);
    expect(matchQidoQuery(record, resolveQidoKeys({ PatientName: 'doe*', StudyDate: '2023' }))).toBe(false);
  });

  it('matches inside sequence items with a dotted path (PS3.4 C.2.2.2.6)', () => {
    expect(matchQidoQuery(record, resolveQidoKeys({ 'RequestAttributesSequence.RequestedProcedureID': 'RP1' }))).toBe(true);
    expect(matchQidoQuery(record, resolveQidoKeys({ 'RequestAttributesSequence.RequestedProcedureID': 'RP2' }))).toBe(false);
  });

  it('rejects unknown keywords', () => {
    expect(() => resolveQidoKeys({ NotAKeyword: 'x' })).toThrow(QidoParamError);
    expect(() => resolveIncludeFields(['NotAKeyword'])).toThrow(QidoParamError);
  });

  it('returns the level defaults, includefield and the matching keys; "all" returns everything', () => {
    const keys = resolveQidoKeys({ StudyDescription: 'CHEST' });
    const selected = selectQidoAttributes(record, 'studies', [], keys);
    expect(Object.keys(selected).sort()).toEqual(['00080020', '00080061', '00081030', '00100010', '0020000D']);
    expect(Object.keys(selectQidoAttributes(record, 'series', resolveIncludeFields(['StudyDate']) as string[], []))).toEqual(['00080020', '0020000D', '00400275']);
    expect(selectQidoAttributes(record, 'studies', 'all', [])).toBe(record);
  });
});
