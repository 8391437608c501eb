import { describe, expect, it } from 'vitest';
import { rewriteBulkDataUris, type DicomJsonDataset } from '../../../app/dicomweb';

const FROM = 'http://127.0.0.1:8042/dicom-web';
const TO = 'garde://gateway/nodes/orthanc-a/dicom-web/';

function instance(): DicomJsonDataset {
  return {
    '00081190': { vr: 'UR', Value: [`${FROM}/studies/1.2/series/1.2.3`, 'https://elsewhere.example/dicom-web/studies/1.2'] },
    '7FE00010': { vr: 'OB', BulkDataURI: `${FROM}/studies/1.2/series/1.2.3/instances/1.2.3.4/bulk/7fe00010` },
    '00420011': { vr: 'OB', BulkDataURI: 'bulk/00420011?x=1' },
    '00400275': {
      vr: 'SQ',
      Value: [
        {
          '00081190': { vr: 'UR', Value: ['HTTP://127.0.0.1:8042/dicom-web/studies/9'] },
          '00091001': { vr: 'OB', BulkDataURI: 'http://127.0.0.1:8042/dicom-webX/studies/9' },
          '00081199': { vr: 'SQ', Value: [{ '7FE00010': { vr: 'OB', BulkDataURI: 'http://127.0.0.1:9999/dicom-web/x' } }] },
        },
      ],
    },
    '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Doe^Jane' }] },
  };
}

describe('rewriteBulkDataUris (PS3.18 F.2.7, RetrieveURL 0008,1190)', () => {
  it('rewrites URIs under the upstream base, in sequences too, and drops the others', () => {
    const input = [instance()];
    const snapshot = JSON.stringify(input);
    const { json, rewritten, dropped } = rewriteBulkDataUris(input, FROM, TO);
    expect(JSON.stringify(input)).toBe(snapshot);
    const [out] = json;
    expect(out!['00081190']).toEqual({ vr: 'UR', Value: ['garde://gateway/nodes/orthanc-a/dicom-web/studies/1.2/series/1.2.3'] });
    expect(out!['7FE00010']!.BulkDataURI).toBe('garde://gateway/nodes/orthanc-a/dicom-web/studies/1.2/series/1.2.3/instances/1.2.3.4/bulk/7fe00010');
    expect(out!['00420011']!.BulkDataURI).toBe('garde://gateway/nodes/orthanc-a/dicom-web/bulk/00420011?x=1');
    const item = out!['00400275']!.Value![0] as DicomJsonDataset;
    expect(item['00081190']!.Value).toEqual(['garde://gateway/nodes/orthanc-a/dicom-web/studies/9']);
    expect(item['00091001']).toEqual({ vr: 'OB' });
    expect(((item['00081199']!.Value![0] as DicomJsonDataset)['7FE00010'])).toEqual({ vr: 'OB' });
    expect(out!['00100010']).toEqual({ vr: 'PN', Value: [{ Alphabetic: 'Doe^Jane' }] });
    expect(rewritten).toBe(4);
    expect(dropped).toEqual([
      { path: '[0].00081190.Value[1]', uri: 'https://elsewhere.example/dicom-web/studies/1.2' },
      { path: '[0].00400275.Value[0].00091001.BulkDataURI', uri: 'http://127.0.0.1:8042/dicom-webX/studies/9' },
      { path: '[0].00400275.Value[0].00081199.Value[0].7FE00010.BulkDataURI', uri: 'http://127.0.0.1:9999/dicom-web/x' },
    ]);
  });

  it('accepts several upstream aliases and a single dataset', () => {
    const dataset: DicomJsonDataset = { '7FE00010': { vr: 'OB', BulkDataURI: 'http://localhost:8042/dicom-web/bulk/1' } };
    const { json, dropped } = rewriteBulkDataUris(dataset, [FROM, 'http://localhost:8042/dicom-web/'], 'http://127.0.0.1:5000/gateway/nodes/a/dicom-web');
    expect(json['7FE00010']!.BulkDataURI).toBe('http://127.0.0.1:5000/gateway/nodes/a/dicom-web/bulk/1');
    expect(dropped).toEqual([]);
  });

  it('drops URIs with credentials, other schemes and path tricks', () => {
    const dataset: DicomJsonDataset = {
      '00081190': {
        vr: 'UR',
        Value: ['http://user:pw@127.0.0.1:8042/dicom-web/a', 'javascript:alert(1)', 'http://127.0.0.1:8042/dicom-web/../admin', 'https://127.0.0.1:8042/dicom-web/a'],
      },
    };
    const { json, dropped } = rewriteBulkDataUris(dataset, FROM, TO);
    expect(json['00081190']).toEqual({ vr: 'UR' });
    expect(dropped).toHaveLength(4);
  });

  it('resolves relative URIs against the given response URL', () => {
    const dataset: DicomJsonDataset = { '7FE00010': { vr: 'OB', BulkDataURI: '../bulk/7fe00010' } };
    const { json } = rewriteBulkDataUris(dataset, FROM, TO, { relativeTo: `${FROM}/studies/1/metadata` });
    expect(json['7FE00010']!.BulkDataURI).toBe('garde://gateway/nodes/orthanc-a/dicom-web/studies/bulk/7fe00010');
    expect(() => rewriteBulkDataUris(dataset, 'not a url', TO)).toThrow(RangeError);
  });

  it('returns non-dataset values as they are', () => {
    expect(rewriteBulkDataUris('text', FROM, TO)).toEqual({ json: 'text', rewritten: 0, dropped: [] });
  });
});
