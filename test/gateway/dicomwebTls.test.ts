import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBulkDataURI } from '../../app/dicomweb';
import { generateCtPhantom } from '../../main/demo/samples';
import { startOrthanc, startTlsFrontEnd, storeInstancesStow, type OrthancInstance, type TlsFrontEnd } from '../fixtures/pacs';
import { gatewayUnderTest } from './support/gatewayUnderTest';
import { makeTestPki, type TestPki } from './support/testCertificates';


let pki: TestPki;
let pacs: OrthancInstance;
let front: TlsFrontEnd;

beforeAll(async () => {
  pki = makeTestPki();
  pacs = await startOrthanc({ name: 'gw-tls', aeTitle: 'GW_TLS', username: 'tls', password: 'tls-secret' });
  front = await startTlsFrontEnd({ upstream: pacs.httpUrl, serverCert: pki.serverCert, serverKey: pki.serverKey, clientCa: pki.caPem });
  const ct = generateCtPhantom({
    seed: 'tls',
    patient: { PatientName: 'TLS^PATIENT', PatientID: 'TLS-1', PatientBirthDate: '19800101', PatientSex: 'M' },
    study: { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.7101', StudyDate: '20261122', StudyTime: '220000', AccessionNumber: 'T1', StudyID: '1', StudyDescription: 'CT TLS' },
    Rows: 64,
    Columns: 64,
    slices: 2,
  });
  await storeInstancesStow(pacs, ct.instances.map((i) => i.buffer));
});
afterAll(async () => {
  await front?.stop();
  await pacs?.stop();
});

const node = (tls: Record<string, unknown> | undefined) => ({
  id: 'tls-pacs',
  name: 'PACS TLS',
  kind: 'dicomweb',
  baseUrl: `${front.url}/dicom-web`,
  auth: { type: 'basic', username: 'tls', password: 'tls-secret' },
  ...(tls ? { tls } : {}),
});

describe('a DICOMweb node over HTTPS with a private CA and a client certificate (Orthanc behind a TLS front end)', () => {
  it('searches and retrieves through the gateway; bulk data URIs point at the gateway', async () => {
    expect(front.url.startsWith('https://')).toBe(true);
    const gw = await gatewayUnderTest([node({ caFile: pki.caPem, certFile: pki.clientCert, keyFile: pki.clientKey })]);
    try {
      const studies = await gw.call('/nodes/tls-pacs/dicom-web/studies');
      expect(studies.status).toBe(200);
      expect(await studies.json()).toHaveLength(1);
      const meta = (await (await gw.call('/nodes/tls-pacs/dicom-web/studies/1.2.826.0.1.3680043.10.543.7101/metadata')).json()) as Record<string, never>[];
      const bulk = getBulkDataURI(meta[0]!, '7FE00010');
      expect(bulk).toMatch(/^http:\/\/127\.0\.0\.1:8420\/gateway\/nodes\/tls-pacs\/dicom-web\//);
    } finally {
      await gw.close();
    }
  });

  it('without the client certificate: a clear failure, not a hang', async () => {
    const gw = await gatewayUnderTest([node({ caFile: pki.caPem })]);
    try {
      const res = await gw.call('/nodes/tls-pacs/dicom-web/studies');
      expect(res.status).toBe(502);
      expect(await res.json()).toMatchObject({ code: 'NODE_BAD_RESPONSE', message: expect.stringMatching(/PACS TLS refused the request \(HTTP 400: .*certificate/i) });
    } finally {
      await gw.close();
    }
  });

  it('without the private CA (or trusting another CA): the server is not trusted, and says so', async () => {
    for (const tls of [{ certFile: pki.clientCert, keyFile: pki.clientKey }, { caFile: pki.otherCaPem, certFile: pki.clientCert, keyFile: pki.clientKey }]) {
      const gw = await gatewayUnderTest([node(tls)]);
      try {
        const res = await gw.call('/nodes/tls-pacs/dicom-web/studies');
        expect(res.status).toBe(502);
        expect(await res.json()).toMatchObject({ code: 'NODE_BAD_RESPONSE', message: expect.stringMatching(/TLS failure/) });
      } finally {
        await gw.close();
      }
    }
  });
});
