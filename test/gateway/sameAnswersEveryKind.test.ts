import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getString, type DicomJsonDataset } from '../../app/dicomweb';
import { generateCtPhantom, generateMrSeries } from '../../main/demo/samples';
import { findFreePort, parseMultipart, startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { gatewayUnderTest, type GatewayUnderTest } from './support/gatewayUnderTest';

// The same studies on one Orthanc, seen through the gateway as a DICOMweb node, a DIMSE node
// (C-GET and C-MOVE) and a folder node: every answer is compared with Orthanc's own DICOMweb.
const PYDICOM = '/usr/lib/python3/dist-packages/pydicom/data/test_files';
const FRAMES = 'multipart/related; type="application/octet-stream"; transfer-syntax=*';
let pacs: OrthancInstance;
let gw: GatewayUnderTest;
const files: Buffer[] = [];

const patient = { PatientName: 'SAME^ANSWERS', PatientID: 'SA-1', IssuerOfPatientID: 'HOSP-NORD', PatientBirthDate: '19720304', PatientSex: 'F' as const };
const study = { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.7201', StudyDate: '20261122', StudyTime: '211500', AccessionNumber: 'SA1', StudyID: '1', StudyDescription: 'CT and MR' };

beforeAll(async () => {
  const ct = generateCtPhantom({ seed: 'same-ct', patient, study, Rows: 96, Columns: 96, slices: 6 });
  const mr = generateMrSeries({ seed: 'same-mr', patient, study, Rows: 64, Columns: 64, slices: 4, SeriesNumber: 2 });
  for (const i of [...ct.instances, ...mr.instances]) files.push(Buffer.from(i.buffer));
  for (const name of ['CT_small.dcm', 'MR_small_jpeg_ls_lossless.dcm', 'JPEG2000.dcm']) files.push(readFileSync(join(PYDICOM, name)));

  const scpPort = await findFreePort();
  pacs = await startOrthanc({ name: 'same-answers', aeTitle: 'SAME_PACS', username: 'same', password: 'same-secret', peers: [{ name: 'GARDE', aeTitle: 'GARDE', host: '127.0.0.1', port: scpPort }] });
  await storeInstancesStow(pacs, files);
  const folder = mkdtempSync(join(tmpdir(), 'garde-same-folder-'));
  files.forEach((f, i) => {
    mkdirSync(join(folder, `d${i % 3}`), { recursive: true });
    writeFileSync(join(folder, `d${i % 3}`, `f${i}.dcm`), f);
  });
  const dimse = { kind: 'dimse', host: '127.0.0.1', port: pacs.dicomPort, calledAeTitle: 'SAME_PACS', callingAeTitle: 'GARDE' };
  gw = await gatewayUnderTest([
    { id: 'web', name: 'DICOMweb', kind: 'dicomweb', baseUrl: pacs.dicomWebUrl, auth: { type: 'basic', username: 'same', password: 'same-secret' } },
    { id: 'cget', name: 'DIMSE C-GET', ...dimse, retrieve: 'C-GET' },
    { id: 'cmove', name: 'DIMSE C-MOVE', ...dimse, retrieve: 'C-MOVE', scpPort },
    { id: 'folder', name: 'Folder', kind: 'folder', path: folder },
  ]);
}, 180_000);
afterAll(async () => {
  await gw?.close();
  await pacs?.stop();
});

async function orthanc(path: string, accept = 'application/dicom+json'): Promise<Response> {
  return fetch(`${pacs.dicomWebUrl}/${path}`, { headers: { authorization: pacs.authorization, accept } });
}
const uids = (list: DicomJsonDataset[], tag: string) => list.map((d) => getString(d, tag)).sort();
const KEYS: Record<string, string[]> = {
  studies: ['00100010', '00100020', '00080020', '0020000D', '00080050'],
  series: ['0020000E', '00080060', '00200011'],
  instances: ['00080018', '00080016', '00200013'],
};

describe.each(['web', 'cget', 'cmove', 'folder'])('node %s through the gateway vs Orthanc', (nodeId) => {
  const call = (path: string, accept = 'application/dicom+json') => gw.call(`/nodes/${nodeId}/dicom-web/${path}`, { headers: { accept } });

  it('QIDO-RS: the same studies, series and instances with the same values', async () => {
    const theirs = (await (await orthanc('studies')).json()) as DicomJsonDataset[];
    const mine = (await (await call('studies')).json()) as DicomJsonDataset[];
    expect(uids(mine, '0020000D')).toEqual(uids(theirs, '0020000D'));
    for (const s of theirs) {
      const studyUid = getString(s, '0020000D')!;
      const m = mine.find((x) => getString(x, '0020000D') === studyUid)!;
      for (const tag of KEYS.studies!) expect(getString(m, tag), `${nodeId} study ${studyUid} ${tag}`).toEqual(getString(s, tag));
      const theirSeries = (await (await orthanc(`studies/${studyUid}/series`)).json()) as DicomJsonDataset[];
      const mySeries = (await (await call(`studies/${studyUid}/series`)).json()) as DicomJsonDataset[];
      expect(uids(mySeries, '0020000E')).toEqual(uids(theirSeries, '0020000E'));
      for (const se of theirSeries) {
        const seriesUid = getString(se, '0020000E')!;
        const theirInst = (await (await orthanc(`studies/${studyUid}/series/${seriesUid}/instances`)).json()) as DicomJsonDataset[];
        const myInst = (await (await call(`studies/${studyUid}/series/${seriesUid}/instances`)).json()) as DicomJsonDataset[];
        expect(uids(myInst, '00080018')).toEqual(uids(theirInst, '00080018'));
      }
    }
  });

  it('WADO-RS: metadata values and every first frame byte-identical', async () => {
    const studies = (await (await orthanc('studies')).json()) as DicomJsonDataset[];
    let frames = 0;
    for (const s of studies) {
      const studyUid = getString(s, '0020000D')!;
      const theirs = (await (await orthanc(`studies/${studyUid}/metadata`)).json()) as DicomJsonDataset[];
      const res = await call(`studies/${studyUid}/metadata`);
      expect(res.status, `${nodeId} metadata ${studyUid}`).toBe(200);
      const mine = (await res.json()) as DicomJsonDataset[];
      expect(uids(mine, '00080018')).toEqual(uids(theirs, '00080018'));
      for (const t of theirs) {
        const sop = getString(t, '00080018')!;
        const m = mine.find((x) => getString(x, '00080018') === sop)!;
        for (const tag of ['00280010', '00280011', '00280100', '00281052', '00281053', '00200032', '00200037', '00280030']) {
          expect(JSON.stringify(m[tag]?.Value), `${nodeId} ${sop} ${tag}`).toEqual(JSON.stringify(t[tag]?.Value));
        }
        const path = `studies/${studyUid}/series/${getString(t, '0020000E')}/instances/${sop}/frames/1`;
        const a = await call(path, FRAMES);
        const b = await orthanc(path, FRAMES);
        expect(a.status, `${nodeId} ${path}`).toBe(200);
        const pa = parseMultipart(a.headers.get('content-type')!, new Uint8Array(await a.arrayBuffer()));
        const pb = parseMultipart(b.headers.get('content-type')!, new Uint8Array(await b.arrayBuffer()));
        expect(Buffer.compare(Buffer.from(pa[0]!.body), Buffer.from(pb[0]!.body)), `${nodeId} frame of ${sop}`).toBe(0);
        frames++;
      }
    }
    expect(frames).toBe(files.length);
  });
});
