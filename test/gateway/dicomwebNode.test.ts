import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBulkDataURI, getString } from '../../app/dicomweb';
import { generateCtPhantom } from '../../main/demo/samples';
import { parseMultipart, startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { GATEWAY_ORIGIN, gatewayUnderTest, type GatewayUnderTest } from './support/gatewayUnderTest';

const PYDICOM = '/usr/lib/python3/dist-packages/pydicom/data/test_files';
let pacs: OrthancInstance;
let gw: GatewayUnderTest;
const phantom = generateCtPhantom({
  seed: 'gateway-dicomweb',
  patient: { PatientName: 'PHANTOM^GATEWAY', PatientID: 'GW-001', IssuerOfPatientID: 'HOSP-NORD', PatientBirthDate: '19700101', PatientSex: 'O' },
  study: { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.7001', StudyDate: '20261122', StudyTime: '220000', AccessionNumber: 'GW1', StudyID: '1', StudyDescription: 'CT gateway' },
  Rows: 128,
  Columns: 128,
  slices: 12,
});
const STUDY = phantom.instances[0]!.StudyInstanceUID;
const SERIES = phantom.SeriesInstanceUID;

/** Orthanc's own DICOMweb answer, asked directly with its credentials. */
async function direct(path: string, accept = 'application/dicom+json'): Promise<Response> {
  return fetch(`${pacs.dicomWebUrl.replace(/\/$/, '')}/${path}`, { headers: { authorization: pacs.authorization, accept } });
}

function nodeConfig(password = pacs.password) {
  return { id: 'pacs-nord', name: 'PACS Nord', kind: 'dicomweb', baseUrl: pacs.dicomWebUrl, auth: { type: 'basic', username: pacs.username, password } };
}

beforeAll(async () => {
  pacs = await startOrthanc({ name: 'gw-dicomweb', aeTitle: 'GW_NORD', username: 'nord', password: 'nord-secret' });
  await storeInstancesStow(pacs, [...phantom.instances.map((i) => i.buffer), readFileSync(`${PYDICOM}/CT_small.dcm`), readFileSync(`${PYDICOM}/MR_small.dcm`)]);
  gw = await gatewayUnderTest([nodeConfig()]);
});
afterAll(async () => {
  await gw?.close();
  await pacs?.stop();
});

describe('dicomweb node through the gateway, compared with Orthanc directly', () => {
  it('QIDO-RS studies: the same studies with the same attribute values', async () => {
    const viaGateway = (await (await gw.call('/nodes/pacs-nord/dicom-web/studies?includefield=all')).json()) as Record<string, unknown>[];
    const viaOrthanc = (await (await direct('studies?includefield=all')).json()) as Record<string, unknown>[];
    const byUid = (list: Record<string, unknown>[]) => new Map(list.map((s) => [getString(s as never, '0020000D'), s]));
    expect([...byUid(viaGateway).keys()].sort()).toEqual([...byUid(viaOrthanc).keys()].sort());
    expect(viaGateway).toHaveLength(3);
    for (const [uid, study] of byUid(viaOrthanc)) {
      const mine = byUid(viaGateway).get(uid)!;
      for (const tag of ['00100010', '00100020', '00080020', '00080061', '00201208']) expect(mine[tag], `${uid} ${tag}`).toEqual(study[tag]);
    }
  });

  it('QIDO-RS with a person-name matching key containing ^ (not percent-decoded by Orthanc)', async () => {
    const res = await gw.call('/nodes/pacs-nord/dicom-web/studies?PatientName=PHANTOM%5EGATEWAY');
    const studies = (await res.json()) as Record<string, unknown>[];
    expect(studies.map((s) => getString(s as never, '0020000D'))).toEqual([STUDY]);
  });

  it('QIDO-RS series and instances of a study', async () => {
    const series = (await (await gw.call(`/nodes/pacs-nord/dicom-web/studies/${STUDY}/series`)).json()) as Record<string, unknown>[];
    expect(series.map((s) => getString(s as never, '0020000E'))).toEqual([SERIES]);
    const instances = (await (await gw.call(`/nodes/pacs-nord/dicom-web/studies/${STUDY}/series/${SERIES}/instances`)).json()) as unknown[];
    expect(instances).toHaveLength(phantom.instances.length);
  });

  it('WADO-RS metadata: same values, bulk data URIs rewritten to the gateway and served by it byte for byte', async () => {
    const path = `studies/${STUDY}/series/${SERIES}/metadata`;
    const mine = (await (await gw.call(`/nodes/pacs-nord/dicom-web/${path}`)).json()) as Record<string, never>[];
    const theirs = (await (await direct(path)).json()) as Record<string, never>[];
    expect(mine).toHaveLength(theirs.length);
    const text = JSON.stringify(mine);
    expect(text).not.toContain(pacs.dicomWebUrl.replace(/\/$/, ''));
    const sop = (d: Record<string, never>) => getString(d, '00080018');
    const theirsBySop = new Map(theirs.map((d) => [sop(d), d]));
    for (const d of mine) {
      for (const tag of ['00200032', '00200037', '00280030', '00281053', '00281052']) expect(d[tag]).toEqual(theirsBySop.get(sop(d))![tag]);
    }
    const bulk = getBulkDataURI(mine[0]!, '7FE00010');
    expect(bulk?.startsWith(`${GATEWAY_ORIGIN}/gateway/nodes/pacs-nord/dicom-web/`)).toBe(true);
    const viaGateway = await gw.handler(new Request(bulk!, { headers: { accept: 'multipart/related; type="application/octet-stream"' } }));
    expect(viaGateway.status).toBe(200);
    const theirBulk = getBulkDataURI(theirsBySop.get(sop(mine[0]!))!, '7FE00010')!;
    const viaOrthanc = await fetch(theirBulk, { headers: { authorization: pacs.authorization, accept: 'multipart/related; type="application/octet-stream"' } });
    const partsOf = async (r: Response) => parseMultipart(r.headers.get('content-type')!, new Uint8Array(await r.arrayBuffer())).map((p) => Buffer.from(p.body).toString('hex'));
    expect(await partsOf(viaGateway)).toEqual(await partsOf(viaOrthanc));
  });

  it('WADO-RS frames: byte-identical to Orthanc for single frames and frame lists', async () => {
    const accept = 'multipart/related; type="application/octet-stream"; transfer-syntax=*';
    for (const inst of phantom.instances.slice(0, 3)) {
      const path = `studies/${STUDY}/series/${SERIES}/instances/${inst.SOPInstanceUID}/frames/1`;
      const mine = await gw.call(`/nodes/pacs-nord/dicom-web/${path}`, { headers: { accept } });
      const theirs = await direct(path, accept);
      expect(mine.status).toBe(200);
      const a = parseMultipart(mine.headers.get('content-type')!, new Uint8Array(await mine.arrayBuffer()));
      const b = parseMultipart(theirs.headers.get('content-type')!, new Uint8Array(await theirs.arrayBuffer()));
      expect(a).toHaveLength(1);
      expect(Buffer.compare(Buffer.from(a[0]!.body), Buffer.from(b[0]!.body))).toBe(0);
      expect(a[0]!.body.byteLength).toBe(128 * 128 * 2);
    }
  });

  it('STOW-RS through the gateway stores into the node', async () => {
    const extra = readFileSync(`${PYDICOM}/MR_small_jpeg_ls_lossless.dcm`);
    const boundary = 'garde-test-boundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`),
      extra,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await gw.call('/nodes/pacs-nord/dicom-web/studies', {
      method: 'POST',
      headers: { 'content-type': `multipart/related; type="application/dicom"; boundary=${boundary}`, accept: 'application/dicom+json' },
      body,
    });
    expect(res.status).toBe(200);
    const studies = (await (await direct('studies')).json()) as unknown[];
    expect(studies.length).toBeGreaterThanOrEqual(3);
  });

  it('lists the node without its password, reachable after use', async () => {
    const res = await gw.call('/nodes');
    const text = await res.text();
    expect(text).not.toContain(pacs.password);
    expect(JSON.parse(text)).toEqual([expect.objectContaining({ id: 'pacs-nord', kind: 'dicomweb', reachable: 'yes' })]);
    expect(await (await gw.call('/nodes/pacs-nord/ping')).json()).toMatchObject({ ok: true });
  });

  it('audits searches and retrieves with the patient, and one record per series for frames', () => {
    const records = gw.auditRecords();
    const queries = records.filter((r) => r.EventID === '110112');
    expect(queries.length).toBeGreaterThanOrEqual(3);
    const retrieves = records.filter((r) => r.EventID === '110104' && r.EventActionCode === 'R' && r.SeriesInstanceUID === SERIES);
    expect(retrieves.length).toBeGreaterThanOrEqual(1);
    expect(retrieves.length).toBeLessThan(4);
    expect(retrieves[0]).toMatchObject({ PatientID: 'GW-001', IssuerOfPatientID: 'HOSP-NORD', nodeId: 'pacs-nord', localUser: 'tester', readerIdentity: 'Dr Test', EventOutcomeIndicator: 0 });
    expect(records.some((r) => r.EventID === '110104' && r.EventActionCode === 'C')).toBe(true);
  });
});

describe('dicomweb node: refused credentials and bad requests', () => {
  it('a wrong password is a clear 401 NODE_AUTH_FAILED, audited as a failed authentication', async () => {
    const bad = await gatewayUnderTest([nodeConfig('wrong-password')]);
    try {
      const res = await bad.call('/nodes/pacs-nord/dicom-web/studies');
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ code: 'NODE_AUTH_FAILED', message: expect.stringContaining('PACS Nord refused the credentials') });
      expect(bad.auditRecords()).toEqual([expect.objectContaining({ EventID: '110114', EventOutcomeIndicator: 4, nodeId: 'pacs-nord' })]);
      expect(await (await bad.call('/nodes/pacs-nord/ping')).json()).toMatchObject({ ok: false, error: expect.stringContaining('credentials refused') });
    } finally {
      await bad.close();
    }
  });

  it('an unknown node id is a JSON 404', async () => {
    const res = await gw.call('/nodes/nope/dicom-web/studies');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'NODE_UNKNOWN' });
  });

  it('an invalid QIDO parameter is a 400 naming it', async () => {
    const res = await gw.call('/nodes/pacs-nord/dicom-web/studies?limit=-3');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('limit') });
  });
});
