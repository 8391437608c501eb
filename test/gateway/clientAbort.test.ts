import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../app/ipc/contract';
import { generateCtPhantom } from '../../app/samples';
import { startWebServer, type WebServer } from '../../main/web/createWebServer';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { gatewayUnderTest, type GatewayUnderTest } from './support/gatewayUnderTest';

const TOKEN = 'client-abort-session-token';
/** More aborted retrievals than the node's connections (16, upstreamDispatcher.ts). */
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
