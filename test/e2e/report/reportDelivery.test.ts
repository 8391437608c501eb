import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDicomDate } from '../../../app/dicom/formatPersonName';
import { generateCtPhantom } from '../../../main/demo/samples';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../../fixtures/pacs';
import { startTlsFrontEnd, type TlsFrontEnd } from '../../fixtures/pacs/startTlsFrontEnd';
import { syncCall } from '../pages/syncPageHelpers';
import { drawLength, openStudyReport, pacsReportObjects, saveReader, writeAndSign } from '../support/reportPage';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from '../support/workstation';

// Delivery of the reader's answer (issue 15): through a DIMSE node (C-STORE), after an
// acknowledgement lost on the way back (the PACS holds one copy), and to a PACS behind a hospital
// proxy that refuses uploads over 3,500 bytes (a long report is refused with 413: the reason is
// shown, the item kept in the outbox; the small KOS is delivered).

const WORKSTATION_AE = 'GARDE_RPT';
const today = toDicomDate(new Date());

function ct(seed: string, n: number, PatientName: string) {
  return generateCtPhantom({
    seed,
    patient: { PatientName, PatientID: `DLV-${n}`, PatientBirthDate: '19700101', PatientSex: 'M' },
    study: { StudyInstanceUID: `1.2.826.0.1.3680043.10.543.99${n}`, StudyDate: today, StudyTime: '020000', AccessionNumber: `DLV${n}`, StudyID: String(n), StudyDescription: `Delivery ${n}` },
    Rows: 64,
    Columns: 64,
    slices: 3,
  });
}

describe('report delivery (web mode, Chromium, real Orthanc: DIMSE, lost acknowledgement, refusal)', () => {
  const studies = { dimse: ct('dlv-dimse', 1, 'DIMSE^Denis'), lost: ct('dlv-lost', 2, 'PERDU^Paul'), refused: ct('dlv-refused', 3, 'REFUS^Rita') };
  const pacs: Partial<Record<keyof typeof studies, OrthancInstance>> = {};
  let workstation: Workstation;
  let page: Page;
  const stows = new Map<string, number[]>();
  let proxy: TlsFrontEnd;
  let dimse: Record<string, unknown>;

  beforeAll(async () => {
    const work = (name: string) => mkdtempSync(join(tmpdir(), `garde-e2e-${name}-`));
    pacs.dimse = await startOrthanc({ name: 'e2e-dlv-dimse', aeTitle: 'DLV_DIMSE', username: 'd', password: 'd-secret', workDir: work('dlv-dimse'), peers: [{ name: 'garde', aeTitle: WORKSTATION_AE, host: '127.0.0.1', port: 1 }] });
    pacs.lost = await startOrthanc({ name: 'e2e-dlv-lost', aeTitle: 'DLV_LOST', username: 'l', password: 'l-secret', workDir: work('dlv-lost') });
    pacs.refused = await startOrthanc({ name: 'e2e-dlv-refused', aeTitle: 'DLV_REFUSED', username: 'r', password: 'r-secret', workDir: work('dlv-refused') });
    proxy = await startTlsFrontEnd({ upstream: `http://127.0.0.1:${pacs.refused.httpPort}`, maxBodySize: '3500' });
    for (const key of Object.keys(studies) as (keyof typeof studies)[]) await storeInstancesStow(pacs[key]!, studies[key].instances.map((i) => i.buffer));
    dimse = { id: 'dlv-dimse', name: 'PACS DIMSE', kind: 'dimse', host: '127.0.0.1', port: pacs.dimse.dicomPort, calledAeTitle: pacs.dimse.aeTitle, callingAeTitle: WORKSTATION_AE, retrieve: 'C-GET' };
    workstation = await startWorkstation({
      nodes: [dimse, dicomwebNode('dlv-lost', 'PACS Perdu', pacs.lost), { ...dicomwebNode('dlv-refused', 'PACS Refus', pacs.refused), baseUrl: `${proxy.url}/dicom-web` }],
      viewport: { width: 1400, height: 900 },
      onPage: (p) =>
        p.on('requestfinished', (r) => {
          const m = /\/nodes\/([^/]+)\/dicom-web\/studies$/.exec(r.url());
          if (r.method() === 'POST' && m) void r.response().then((res) => res && stows.set(m[1]!, [...(stows.get(m[1]!) ?? []), res.status()]));
        }),
    });
    page = workstation.page;
    await saveReader(page);
  }, 240_000);
  afterAll(async () => {
    await workstation?.stop();
    await proxy?.stop();
    for (const p of Object.values(pacs)) await p?.stop({ graceMs: 0 }).catch(() => undefined);
  });
  failOnPageErrors(() => workstation);

  const status = () => page.getByTestId('report-status').getAttribute('data-status');

  it('sends SR, KOS, TID 1500 and PDF to a DIMSE node by C-STORE; a fresh profile reopens them from the DIMSE copy', async () => {
    const uid = studies.dimse.instances[0]!.StudyInstanceUID;
    await openStudyReport(page, uid);
    await page.getByTestId('report-begin').click();
    await drawLength(page, [10, 32], [50, 32]);
    await writeAndSign(page, 'Examen normal.');
    await expect.poll(status, { timeout: 60_000 }).toBe('sent');
    const objects = await pacsReportObjects(pacs.dimse!, uid);
    expect(objects.map((o) => o.kind).sort()).toEqual(['kos', 'pdf', 'sr', 'tid1500']);
    const keySop = (await page.getByTestId('key-image').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.sop)))[0];

    // Another workstation, new profile, only this DIMSE node: the report comes back by C-FIND/C-GET.
    const other = await startWorkstation({ nodes: [dimse], viewport: { width: 1400, height: 900 } });
    try {
      await openStudyReport(other.page, uid);
      const docs = other.page.getByTestId('pacs-document');
      await expect.poll(() => docs.count(), { timeout: 60_000 }).toBe(4);
      expect((await docs.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kind))).sort()).toEqual(['kos', 'pdf', 'sr', 'sr']);
      const text = (await other.page.getByTestId('pacs-document-text').allTextContents()).join('\n');
      expect(text).toContain('Examen normal.');
      // The length drawn: 40 pixels of the 400 mm field of view over 64 columns, 250 mm.
      const length = Number(/Length (\d+(?:\.\d+)?) mm/.exec(text)?.[1]);
      expect(length).toBeGreaterThan(245);
      expect(length).toBeLessThan(255);
      expect(await other.page.getByTestId('pacs-key-image').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.sop))).toEqual([keySop]);
    } finally {
      await other.stop();
    }
  }, 180_000);

  it('stores one copy when an acknowledgement is lost and the objects are sent again', async () => {
    const uid = studies.lost.instances[0]!.StudyInstanceUID;
    let lost = 0;
    // The first STOW reaches the PACS, which stores the object; its answer never comes back.
    await page.route('**/nodes/dlv-lost/dicom-web/studies', async (route) => {
      if (lost > 0) return route.continue();
      lost += 1;
      await route.fetch();
      await route.abort('connectionreset');
    });
    workstation.expectErrors(/^console\.error: Failed to load resource: net::ERR_CONNECTION_RESET$/);
    await openStudyReport(page, uid);
    await writeAndSign(page, 'Pas d’anomalie.');
    await expect.poll(() => lost, { timeout: 30_000 }).toBe(1);
    await syncCall(page, 'sendNow');
    await expect.poll(status, { timeout: 60_000 }).toBe('sent');
    await page.unroute('**/nodes/dlv-lost/dicom-web/studies');
    const objects = await pacsReportObjects(pacs.lost!, uid);
    expect(objects.map((o) => o.kind).sort()).toEqual(['kos', 'pdf', 'sr']);
    // The three objects sent twice in one request each (the first answer lost): still one instance each.
    expect(lost).toBe(1);
    expect((stows.get('dlv-lost') ?? []).filter((s) => s === 200).length).toBe(1);
  }, 120_000);

  it('shows why the node refuses a report too large for it, keeps it in the outbox, and delivers the rest', async () => {
    const uid = studies.refused.instances[0]!.StudyInstanceUID;
    // The gateway answers a node's refusal as 502 Bad Gateway, with the node's reason.
    workstation.expectErrors(/^console\.error: Failed to load resource: the server responded with a status of 502 \(Bad Gateway\)$/);
    await openStudyReport(page, uid);
    await page.getByTestId('report-begin').click();
    await page.getByTestId('report-findings').fill('Description détaillée des lésions. '.repeat(120));
    await writeAndSign(page, 'Conclusion longue refusée par le proxy de l’hôpital.');
    await expect.poll(status, { timeout: 60_000 }).toBe('rejected');
    expect(await page.getByTestId('report-delivery-reason').textContent()).toMatch(/413/);
    type Row = { SOPInstanceUID: string; StudyInstanceUID: string; state: number; kind: string; lastError?: { message: string } };
    const rows = async () => (await syncCall<Row[]>(page, 'outbox')).filter((o) => o.StudyInstanceUID === uid);
    // Every item of the study settled: acknowledged (3) or rejected (4).
    await expect.poll(async () => (await rows()).every((o) => o.state >= 3), { timeout: 60_000 }).toBe(true);
    const outbox = await rows();
    const sr = outbox.filter((o) => o.kind === 'sr' && o.state === 4);
    expect(sr.length).toBe(1);
    expect(sr[0]!.lastError?.message).toMatch(/413/);
    expect((await pacsReportObjects(pacs.refused!, uid)).map((o) => o.kind)).toContain('kos');
    expect((await pacsReportObjects(pacs.refused!, uid)).map((o) => o.kind)).not.toContain('sr');
  }, 120_000);
});
