import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateCtPhantom } from '../../main/demo/samples';
import type { DimseNode } from '../../app/nodes';
import { createDimseAdapter, type DimseAdapter } from '../../main/dimse';
import { findFreePort, parseMultipart, startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';

const PYDICOM = '/usr/lib/python3/dist-packages/pydicom/data/test_files';
const CORPUS = ['CT_small.dcm', 'MR_small_jpeg_ls_lossless.dcm', 'JPEG2000.dcm'].map((f) => readFileSync(join(PYDICOM, f)));
const PUBLIC_BASE = 'garde://gateway/nodes/dimse-nord/dicom-web';
const FRAMES_AS_STORED = 'multipart/related; type="application/octet-stream"; transfer-syntax=*';

const phantom = generateCtPhantom({
  seed: 'gateway-dimse',
  patient: { PatientName: 'PHANTOM^DIMSE', PatientID: 'DIMSE-001', IssuerOfPatientID: 'HOSP-NORD', PatientBirthDate: '19700101', PatientSex: 'O' },
  study: { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.7101', StudyDate: '20261122', StudyTime: '220000', AccessionNumber: 'DIMSE1', StudyID: '1', StudyDescription: 'CT dimse' },
  Rows: 128,
  Columns: 128,
  slices: 12,
});
const STUDY = phantom.instances[0]!.StudyInstanceUID;
const SERIES = phantom.SeriesInstanceUID;

let pacs: OrthancInstance;
let scpPort: number;
let tempRoot: string;
const adapters: DimseAdapter[] = [];

type Json = Record<string, { vr: string; Value?: unknown[]; BulkDataURI?: string }>;
const first = (d: Json, tag: string): unknown => d[tag]?.Value?.[0];

function node(overrides: Partial<DimseNode> = {}): DimseNode {
  return { id: 'dimse-nord', name: 'PACS Nord DIMSE', kind: 'dimse', host: '127.0.0.1', port: pacs.dicomPort, calledAeTitle: pacs.aeTitle, callingAeTitle: 'GARDE_GET', retrieve: 'C-GET', ...overrides };
}

function adapter(n: DimseNode, extra: { maxTempBytes?: number; timeoutMs?: number } = {}): DimseAdapter {
  const a = createDimseAdapter(n, { tempDir: join(tempRoot, `${adapters.length}`), timeoutMs: 10_000, ...extra });
  adapters.push(a);
  return a;
}

function call(a: DimseAdapter, path: string, init: RequestInit = {}): Promise<Response> {
  return a.fetch(new Request(`${PUBLIC_BASE}/${path}`.replace('garde:', 'http:'), init), { path: path.split('?')[0]!, publicBase: PUBLIC_BASE, signal: new AbortController().signal });
}

async function direct(path: string, accept = 'application/dicom+json'): Promise<Response> {
  return fetch(`${pacs.dicomWebUrl}/${path}`, { headers: { authorization: pacs.authorization, accept } });
}

async function json<T = Json[]>(response: Response): Promise<T> {
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(200);
  return JSON.parse(text) as T;
}

beforeAll(async () => {
  scpPort = await findFreePort();
  pacs = await startOrthanc({
    name: 'gw-dimse',
    aeTitle: 'DIMSE_NORD',
    username: 'nord',
    password: 'nord-secret',
    peers: [
      { name: 'GARDE_GET', aeTitle: 'GARDE_GET', host: '127.0.0.1', port: 1 },
      { name: 'GARDE_MOVE', aeTitle: 'GARDE_MOVE', host: '127.0.0.1', port: scpPort },
    ],
  });
  tempRoot = await mkdtemp(join(tmpdir(), 'garde-dimse-test-'));
  await storeInstancesStow(pacs, [...phantom.instances.map((i) => i.buffer), ...CORPUS]);
});
afterAll(async () => {
  await Promise.all(adapters.map((a) => a.close()));
  await pacs?.stop();
  if (tempRoot) await rm(tempRoot, { recursive: true, force: true });
});

describe('QIDO-RS over C-FIND, compared with Orthanc DICOMweb', () => {
  it('finds the same studies with the same main attribute values', async () => {
    const a = adapter(node());
    const mine = await json(await call(a, 'studies'));
    const theirs = await json(await direct('studies'));
    const byUid = (list: Json[]) => new Map(list.map((s) => [first(s, '0020000D') as string, s]));
    expect([...byUid(mine).keys()].sort()).toEqual([...byUid(theirs).keys()].sort());
    expect(mine).toHaveLength(4);
    for (const [uid, study] of byUid(theirs)) {
      const m = byUid(mine).get(uid)!;
      for (const tag of ['00100010', '00100020', '00080020', '00080061', '00201206', '00201208', '00080050']) {
        expect(m[tag]?.Value ?? null, `${uid} ${tag}`).toEqual(study[tag]?.Value ?? null);
      }
      expect(first(m, '00081190')).toBe(`${PUBLIC_BASE}/studies/${uid}`);
    }
  });

  it('matches by person name, date range, UID list and modality; applies limit and offset', async () => {
    const a = adapter(node());
    const byName = await json(await call(a, 'studies?PatientName=PHANTOM^DIMSE'));
    expect(byName.map((s) => first(s, '0020000D'))).toEqual([STUDY]);
    expect(first(byName[0]!, '00100010')).toEqual({ Alphabetic: 'PHANTOM^DIMSE' });
    const byDate = await json(await call(a, 'studies?StudyDate=20261101-20261130'));
    expect(byDate.map((s) => first(s, '0020000D'))).toEqual([STUDY]);
    const byTag = await json(await call(a, `studies?0020000D=${STUDY},1.2.3.4.5`));
    expect(byTag.map((s) => first(s, '0020000D'))).toEqual([STUDY]);
    const all = await json(await call(a, 'studies'));
    const page = await json(await call(a, 'studies?limit=2&offset=1'));
    expect(page.map((s) => first(s, '0020000D'))).toEqual(all.slice(1, 3).map((s) => first(s, '0020000D')));
    const mr = await json(await call(a, 'studies?ModalitiesInStudy=MR'));
    const mrDirect = await json(await direct('studies?ModalitiesInStudy=MR'));
    expect(mr.map((s) => first(s, '0020000D')).sort()).toEqual(mrDirect.map((s) => first(s, '0020000D')).sort());
  });

  it('lists the series and instances of a study like Orthanc, with includefield', async () => {
    const a = adapter(node());
    const series = await json(await call(a, `studies/${STUDY}/series?includefield=ProtocolName`));
    expect(series.map((s) => first(s, '0020000E'))).toEqual([SERIES]);
    expect(series[0]!['00181030']).toBeDefined();
    expect(first(series[0]!, '00080060')).toBe('CT');
    const mine = await json(await call(a, `studies/${STUDY}/series/${SERIES}/instances`));
    const theirs = await json(await direct(`studies/${STUDY}/series/${SERIES}/instances`));
    expect(mine.map((i) => first(i, '00080018')).sort()).toEqual(theirs.map((i) => first(i, '00080018')).sort());
    expect(mine).toHaveLength(12);
  });

  it('answers an empty list for an unknown study and 400 for an unparseable query', async () => {
    const a = adapter(node());
    expect(await json(await call(a, 'studies?StudyInstanceUID=1.2.3.999'))).toEqual([]);
    for (const bad of ['studies?limit=abc', 'studies?NoSuchKeyword=1', 'studies?includefield=Not.A.Field', 'studies/1.2/series/abc/instances']) {
      const response = await call(a, bad);
      expect(response.status, bad).toBe(400);
      expect(((await response.json()) as { code: string }).code).toBe('BAD_REQUEST');
    }
  });
});

for (const mode of ['C-GET', 'C-MOVE'] as const) {
  describe(`WADO-RS over ${mode}, compared with Orthanc DICOMweb`, () => {
    afterEach(async () => {
      await Promise.all(adapters.map((a) => a.close()));
    });
    const dimseNode = (): DimseNode => (mode === 'C-GET' ? node() : node({ retrieve: 'C-MOVE', callingAeTitle: 'GARDE_MOVE', scpPort }));

    it('serves series metadata with the same values and frames byte-identical, from the store the second time', async () => {
      const a = adapter(dimseNode());
      const studies = await json(await direct('studies'));
      for (const study of studies) {
        const studyUid = first(study, '0020000D') as string;
        for (const series of await json(await direct(`studies/${studyUid}/series`))) {
          const seriesUid = first(series, '0020000E') as string;
          const mine = await json(await call(a, `studies/${studyUid}/series/${seriesUid}/metadata`));
          const theirs = await json(await direct(`studies/${studyUid}/series/${seriesUid}/metadata`));
          expect(mine.length).toBe(theirs.length);
          const bySop = new Map(mine.map((i) => [first(i, '00080018'), i]));
          for (const t of theirs) {
            const sop = first(t, '00080018') as string;
            const m = bySop.get(sop)!;
            for (const tag of ['0020000D', '0020000E', '00080016', '00100010', '00100020', '00200013', '00280010', '00280011', '00280100', '00280004', '00200032', '00200037', '00280030', '00281052', '00281053']) {
              expect(m[tag]?.Value ?? null, `${sop} ${tag}`).toEqual(t[tag]?.Value ?? null);
            }
            expect(m['7FE00010']?.BulkDataURI).toBe(`${PUBLIC_BASE}/bulkdata/${studyUid}/${seriesUid}/${sop}/7FE00010`);
            const path = `studies/${studyUid}/series/${seriesUid}/instances/${sop}/frames/1`;
            const myFrames = await call(a, path, { headers: { accept: FRAMES_AS_STORED } });
            const theirFrames = await direct(path, FRAMES_AS_STORED);
            expect(myFrames.status).toBe(200);
            const myParts = parseMultipart(myFrames.headers.get('content-type')!, new Uint8Array(await myFrames.arrayBuffer()));
            const theirParts = parseMultipart(theirFrames.headers.get('content-type')!, new Uint8Array(await theirFrames.arrayBuffer()));
            expect(myParts).toHaveLength(1);
            expect(Buffer.from(myParts[0]!.body).equals(Buffer.from(theirParts[0]!.body)), `frame bytes of ${sop}`).toBe(true);
          }
        }
      }
      const retrieves = a.stats.retrieves;
      expect(retrieves).toBe(4);
      const stored = (await json(await direct('instances'))).map((i) => a.store.instance(first(i, '00080018') as string)?.TransferSyntaxUID);
      expect(stored, 'instances arrive in the syntax the PACS stores (JPEG-LS, JPEG 2000 kept)').toEqual(expect.arrayContaining(['1.2.840.10008.1.2.4.80', '1.2.840.10008.1.2.4.91']));
      await json(await call(a, `studies/${STUDY}/series/${SERIES}/metadata`));
      const again = await call(a, `studies/${STUDY}/series/${SERIES}/instances/${phantom.instances[3]!.SOPInstanceUID}/frames/1`, { headers: { accept: FRAMES_AS_STORED } });
      expect(again.status).toBe(200);
      expect(a.stats.retrieves).toBe(retrieves);
      await a.close();
    });

    it('serves a study as multipart application/dicom with every instance', async () => {
      const a = adapter(dimseNode());
      const response = await call(a, `studies/${STUDY}`, { headers: { accept: 'multipart/related; type="application/dicom"; transfer-syntax=*' } });
      expect(response.status).toBe(200);
      const parts = parseMultipart(response.headers.get('content-type')!, new Uint8Array(await response.arrayBuffer()));
      expect(parts).toHaveLength(12);
      const sops = parts.map((p) => Buffer.from(p.body).includes(Buffer.from(phantom.instances[0]!.SOPInstanceUID, 'latin1')));
      expect(sops.filter(Boolean)).toHaveLength(1);
      await a.close();
    });
  });
}

describe('STOW-RS over C-STORE and failures', () => {
  it('stores instances and answers a PS3.18 store response', async () => {
    const a = adapter(node());
    const extra = generateCtPhantom({
      seed: 'gateway-dimse-stow',
      patient: { PatientName: 'STOW^DIMSE', PatientID: 'DIMSE-002', IssuerOfPatientID: 'HOSP-NORD', PatientBirthDate: '19800101', PatientSex: 'F' },
      study: { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.7102', StudyDate: '20261120', StudyTime: '100000', AccessionNumber: 'DIMSE2', StudyID: '2', StudyDescription: 'stow' },
      Rows: 64,
      Columns: 64,
      slices: 3,
    });
    const boundary = 'garde-test-boundary';
    const chunks: Buffer[] = [];
    for (const body of [...extra.instances.map((i) => Buffer.from(i.buffer)), Buffer.from('not dicom at all')]) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), body, Buffer.from('\r\n'));
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    const response = await call(a, 'studies', { method: 'POST', body: Buffer.concat(chunks), headers: { 'content-type': `multipart/related; type="application/dicom"; boundary=${boundary}` } });
    expect(response.status).toBe(202);
    const body = (await response.json()) as Json;
    expect(body['00081199']?.Value).toHaveLength(3);
    expect(body['00081198']?.Value).toHaveLength(1);
    const stored = await json(await direct(`studies/1.2.826.0.1.3680043.10.543.7102/instances`));
    expect(stored).toHaveLength(3);
  });

  it('answers 404 for a study the node does not have', async () => {
    const a = adapter(node());
    const response = await call(a, 'studies/1.2.3.999/series/1.2.3.998/metadata');
    expect(response.status).toBe(404);
    expect(a.stats.retrieves).toBe(0);
  });

  it('answers 503 NODE_UNREACHABLE when nothing listens, naming the node', async () => {
    const a = adapter(node({ port: await findFreePort() }));
    const response = await call(a, 'studies');
    expect(response.status).toBe(503);
    const error = (await response.json()) as { code: string; message: string; retryable: boolean };
    expect(error.code).toBe('NODE_UNREACHABLE');
    expect(error.message).toMatch(/PACS Nord DIMSE.*connection refused/);
    await expect(a.ping(new AbortController().signal)).rejects.toThrow(/unreachable/);
  });

  it('answers 502 with the rejection reason for a wrong called AE title', async () => {
    const a = adapter(node({ calledAeTitle: 'WRONG_AE' }));
    const response = await call(a, 'studies');
    expect(response.status).toBe(502);
    const error = (await response.json()) as { code: string; message: string };
    expect(error.code).toBe('NODE_BAD_RESPONSE');
    expect(error.message).toMatch(/rejected the association.*called AE title not recognized/);
    await expect(a.ping(new AbortController().signal)).rejects.toThrow(/rejected/);
  });

  it('answers 504 NODE_TIMEOUT for a node that accepts the connection but never answers, and 502 for garbage', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    const garbage: Server = createServer((socket) => socket.end(Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n')));
    await Promise.all([silent, garbage].map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))));
    const portOf = (server: Server) => (server.address() as { port: number }).port;
    try {
      const quiet = adapter(node({ port: portOf(silent) }), { timeoutMs: 300 });
      const response = await call(quiet, 'studies');
      expect(response.status).toBe(504);
      expect(((await response.json()) as { code: string }).code).toBe('NODE_TIMEOUT');
      const junk = adapter(node({ port: portOf(garbage) }), { timeoutMs: 2000 });
      const bad = await call(junk, 'studies');
      expect([502, 503]).toContain(bad.status);
      expect(((await bad.json()) as { message: string }).message).toMatch(/PACS Nord DIMSE/);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
      garbage.close();
    }
  });

  it('pings with C-ECHO', async () => {
    await adapter(node()).ping(new AbortController().signal);
  });

  it('keeps the temporary store under its bound, purging least recently used series', async () => {
    const a = adapter(node(), { maxTempBytes: 300_000 });
    await json(await call(a, `studies/${STUDY}/series/${SERIES}/metadata`));
    const phantomBytes = a.store.size;
    expect(phantomBytes).toBeGreaterThan(300_000);
    const [ct] = await json(await direct('studies?PatientID=1CT1'));
    const ctStudy = first(ct!, '0020000D') as string;
    await json(await call(a, `studies/${ctStudy}/metadata`));
    expect(a.store.size).toBeLessThan(phantomBytes);
    expect(a.store.isComplete(STUDY, SERIES)).toBe(false);
  });
});
