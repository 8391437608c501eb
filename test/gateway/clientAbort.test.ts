import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../app/ipc/contract';
import { generateCtPhantom } from '../../main/demo/samples';
import { startWebServer, type WebServer } from '../../main/web/createWebServer';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { gatewayUnderTest, type GatewayUnderTest } from './support/gatewayUnderTest';

const TOKEN = 'client-abort-session-token';
/** More aborted retrievals than the node's connections (MAX_NODE_CONNECTIONS, upstreamAgents.ts). */
const ABORTED = 24;
const SERIES_ACCEPT = 'multipart/related; type="application/dicom"; transfer-syntax=*';
const phantom = generateCtPhantom({
  seed: 'gateway-client-abort',
  patient: { PatientName: 'PHANTOM^ABORT', PatientID: 'GW-ABORT', PatientBirthDate: '19700101', PatientSex: 'O' },
  study: { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.7201', StudyDate: '20261122', StudyTime: '230000', AccessionNumber: 'GWA1', StudyID: '1', StudyDescription: 'CT abort' },
  slices: 60,
});
const seriesPath = `/gateway/nodes/abort/dicom-web/studies/${phantom.instances[0]!.StudyInstanceUID}/series/${phantom.SeriesInstanceUID}`;

let pacs: OrthancInstance;
let gw: GatewayUnderTest;
let web: WebServer;

beforeAll(async () => {
  pacs = await startOrthanc({ name: 'gw-abort', aeTitle: 'GW_ABORT', username: 'abort', password: 'abort-secret' });
  await storeInstancesStow(pacs, phantom.instances.map((i) => i.buffer));
  gw = await gatewayUnderTest([{ id: 'abort', name: 'PACS Abort', kind: 'dicomweb', baseUrl: pacs.dicomWebUrl, auth: { type: 'basic', username: pacs.username, password: pacs.password } }]);
  web = await startWebServer({ port: 0, token: TOKEN, rendererDir: mkdtempSync(join(tmpdir(), 'garde-no-renderer-')), handlers: {} as Handlers, gateway: gw.handler });
}, 120_000);
afterAll(async () => {
  await web?.close();
  await gw?.close();
  await pacs?.stop({ graceMs: 0 });
});

/** A series retrieval through web mode that reads the first bytes of the body, then hangs up. */
async function abortedRetrieval(): Promise<number> {
  const controller = new AbortController();
  const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(20_000)]);
  const response = await fetch(`http://127.0.0.1:${web.port}${seriesPath}`, { headers: { authorization: `Bearer ${TOKEN}`, accept: SERIES_ACCEPT }, signal });
  const reader = response.body!.getReader();
  const first = await reader.read();
  controller.abort();
  await reader.cancel().catch(() => undefined);
  return first.value?.byteLength ?? 0;
}

describe('web mode: a slow reader of an answer the node ends by closing its connection', () => {
  it('gets every byte while the node has long finished sending (backpressure, then the end of the connection)', async () => {
    const direct = await fetch(`${pacs.dicomWebUrl}${seriesPath.slice(seriesPath.indexOf('/studies/'))}`, { headers: { authorization: pacs.authorization, accept: SERIES_ACCEPT } });
    // Orthanc sends a series without a length and ends it by closing the connection (RFC 9112 6.3).
    expect(direct.headers.get('connection')).toBe('close');
    const expected = (await direct.arrayBuffer()).byteLength;
    const response = await fetch(`http://127.0.0.1:${web.port}${seriesPath}`, { headers: { authorization: `Bearer ${TOKEN}`, accept: SERIES_ACCEPT }, signal: AbortSignal.timeout(60_000) });
    const reader = response.body!.getReader();
    let received = 0;
    for (let chunk = 0; ; chunk += 1) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      // Slow at first: the node's last bytes and its close arrive while the gateway holds back.
      if (chunk < 20) await new Promise((r) => setTimeout(r, 100));
    }
    expect(received).toBe(expected);
  }, 120_000);
});

describe('web mode: an answer ended by the close of its connection, read after a pause', () => {
  /** 16 MB of multipart sent at once with no length, then the connection closed (RFC 9112 6.3, as Orthanc does for a series). */
  const BODY = Buffer.concat([Buffer.from('--b\r\nContent-Type: application/dicom\r\n\r\n'), Buffer.alloc(16 * 1024 * 1024, 0x61), Buffer.from('\r\n--b--\r\n')]);
  let server: Server;
  let closing: GatewayUnderTest;
  let closingWeb: WebServer;
  beforeAll(async () => {
    server = createServer((socket) => {
      // A gateway that hangs up resets the connection: expected here.
      socket.on('error', () => undefined);
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: multipart/related; type="application/dicom"; boundary=b\r\nConnection: close\r\n\r\n');
        socket.end(BODY);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dicom-web`;
    closing = await gatewayUnderTest([{ id: 'closing', name: 'PACS Closing', kind: 'dicomweb', baseUrl: url, auth: { type: 'none' } }]);
    closingWeb = await startWebServer({ port: 0, token: TOKEN, rendererDir: mkdtempSync(join(tmpdir(), 'garde-no-renderer-')), handlers: {} as Handlers, gateway: closing.handler });
  });
  afterAll(async () => {
    await closingWeb?.close();
    await closing?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('survives clients that hang up after a pause, and goes on serving', async () => {
    for (let round = 0; round < 6; round += 1) {
      const controller = new AbortController();
      const response = await fetch(`http://127.0.0.1:${closingWeb.port}/gateway/nodes/closing/dicom-web/studies/1.2.3/series/1.2.3.4`, { headers: { authorization: `Bearer ${TOKEN}`, accept: SERIES_ACCEPT }, signal: controller.signal });
      const reader = response.body!.getReader();
      await reader.read();
      await new Promise((r) => setTimeout(r, 300 + round * 200));
      controller.abort();
      await reader.cancel().catch(() => undefined);
    }
    const last = await fetch(`http://127.0.0.1:${closingWeb.port}/gateway/nodes/closing/dicom-web/studies/1.2.3/series/1.2.3.4`, { headers: { authorization: `Bearer ${TOKEN}`, accept: SERIES_ACCEPT }, signal: AbortSignal.timeout(30_000) });
    expect((await last.arrayBuffer()).byteLength).toBe(BODY.byteLength);
  }, 60_000);

  it('passes every byte on once the client reads, and goes on serving', async () => {
    for (let round = 0; round < 3; round += 1) {
      const response = await fetch(`http://127.0.0.1:${closingWeb.port}/gateway/nodes/closing/dicom-web/studies/1.2.3/series/1.2.3.4`, { headers: { authorization: `Bearer ${TOKEN}`, accept: SERIES_ACCEPT }, signal: AbortSignal.timeout(30_000) });
      expect(response.status).toBe(200);
      // The node has sent everything and closed while nobody reads: the gateway holds back meanwhile.
      await new Promise((r) => setTimeout(r, 1500));
      expect((await response.arrayBuffer()).byteLength).toBe(BODY.byteLength);
    }
  }, 60_000);
});

describe('web mode: a client that hangs up mid-transfer', () => {
  it('frees the connection to the node, so later retrievals are served', async () => {
    for (let i = 0; i < ABORTED; i += 1) expect(await abortedRetrieval()).toBeGreaterThan(0);
    const full = await fetch(`http://127.0.0.1:${web.port}${seriesPath}`, { headers: { authorization: `Bearer ${TOKEN}`, accept: SERIES_ACCEPT }, signal: AbortSignal.timeout(20_000) });
    expect(full.status).toBe(200);
    const bytes = (await full.arrayBuffer()).byteLength;
    // 60 slices of 512 x 512 x 2 bytes, with their headers and the multipart delimiters.
    expect(bytes).toBeGreaterThan(60 * 512 * 512 * 2);
  }, 120_000);
});
