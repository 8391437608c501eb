import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDicomDate } from '../../../app/dicom/formatPersonName';
import { generateCtPhantom, type CtPhantomSeries } from '../../../main/demo/samples';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../../fixtures/pacs';
import { dciodvfy, dsrdump } from '../../fixtures/report/validators';
import { syncCall } from '../pages/syncPageHelpers';
import { screenshotPath } from '../support/chromium';
import { drawLength, openStudyReport, pacsReportObjects, retrieveTo, saveReader } from '../support/reportPage';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from '../support/workstation';

// The reader's answer (issue 15): a report written on a CT, with two key images, signed while the
// PACS is down, stays in the outbox across a reload, is delivered once when the PACS returns, and
// reads back from Orthanc as an SR (dsrdump: text and reader as written), a KOS of the key images
// and an encapsulated PDF (dciodvfy: no error).

const NODE = 'pacs-report';
const patient = { PatientName: 'RÉPONSE^Hélène', PatientID: 'RP-1515', IssuerOfPatientID: 'CH-SUD', PatientBirthDate: '19580412', PatientSex: 'F' as const };
const study = { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.9801', StudyDate: toDicomDate(new Date()), StudyTime: '031500', AccessionNumber: 'RP-ACC-7', StudyID: '7', StudyDescription: 'TDM thorax' };
const OUT = join(import.meta.dirname, '..', '..', '..', 'test-output', 'report');
const CONCLUSION = 'Pas d’embolie pulmonaire. Nodule de 4 mm du lobe supérieur droit.';

const SR_CLASS = '1.2.840.10008.5.1.4.1.1.88.22';
const KOS_CLASS = '1.2.840.10008.5.1.4.1.1.88.59';
const PDF_CLASS = '1.2.840.10008.5.1.4.1.1.104.1';
/** The TID 1500 measurement report written by @cornerstonejs/adapters: an Enhanced SR too. */
const TID1500_CLASS = SR_CLASS;

describe('report signed and sent to the PACS the study came from (web mode, Chromium, real Orthanc)', () => {
  let pacs: OrthancInstance;
  let phantom: CtPhantomSeries;
  let workstation: Workstation;
  let page: Page;
  const stows: number[] = [];
  let keySops: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    phantom = generateCtPhantom({ seed: 'e2e-report', patient, study, Rows: 96, Columns: 96, slices: 6, SliceThickness: 5 });
    pacs = await startOrthanc({ name: 'e2e-report', aeTitle: 'E2E_REPORT', username: 'report', password: 'report-secret', workDir: mkdtempSync(join(tmpdir(), 'garde-e2e-report-')) });
    await storeInstancesStow(pacs, phantom.instances.map((i) => i.buffer));
    workstation = await startWorkstation({
      nodes: [dicomwebNode(NODE, 'PACS Sud', pacs)],
      viewport: { width: 1500, height: 950 },
      onPage: (p) =>
        p.on('requestfinished', (r) => {
          if (r.method() === 'POST' && r.url().endsWith(`/nodes/${NODE}/dicom-web/studies`)) void r.response().then((res) => res && stows.push(res.status()));
        }),
    });
    page = workstation.page;
  }, 180_000);
  afterAll(async () => {
    await workstation?.stop();
    await pacs?.stop({ graceMs: 0 }).catch(() => undefined);
  });
  failOnPageErrors(() => workstation);

  const openStudy = () => openStudyReport(page, study.StudyInstanceUID);
  const pacsObjects = () => pacsReportObjects(pacs, study.StudyInstanceUID);

  it('asks for the reader before signing, then keeps the reader in Settings', async () => {
    await openStudy();
    await page.getByTestId('report-begin').click();
    await page.getByTestId('report-conclusion').fill(CONCLUSION);
    expect(await page.getByTestId('report-blocker').getAttribute('data-blocker')).toBe('noReader');
    expect(await page.getByTestId('report-sign').isDisabled()).toBe(true);
    await saveReader(page);
  });

  it('keeps the draft and key images across a reload, signs with the PACS down, and delivers once when it returns', async () => {
    await openStudy();
    // The draft typed before is there (saved as typed).
    expect(await page.getByTestId('report-conclusion').inputValue()).toBe(CONCLUSION);
    expect(await page.getByTestId('report-indication').inputValue()).toBe('');
    await page.getByTestId('report-findings').fill('Parenchyme pulmonaire : nodule de 4 mm.\nPlèvre : libre.');
    // Two key images: the one shown, and two slices further.
    const viewport = page.getByTestId('stack-viewport');
    await viewport.click();
    await page.keyboard.press('k');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => viewport.getAttribute('data-index')).not.toBe('0');
    await page.keyboard.press('k');
    await expect.poll(() => page.getByTestId('key-image').count()).toBe(2);
    // The press on the image took the keys from the findings being typed: nothing typed there.
    expect(await page.getByTestId('report-findings').inputValue()).toBe('Parenchyme pulmonaire : nodule de 4 mm.\nPlèvre : libre.');
    keySops = await page.getByTestId('key-image').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.sop!));
    expect(new Set(keySops).size).toBe(2);
    for (const sop of keySops) expect(phantom.instances.map((i) => i.SOPInstanceUID)).toContain(sop);
    // The panel says when everything is written to the cache.
    await page.locator('[data-testid=report-panel][data-saved=true]').waitFor();
    await page.reload();
    await openStudy();
    await expect.poll(() => page.getByTestId('key-image').count()).toBe(2);
    expect(await page.getByTestId('report-findings').inputValue()).toContain('nodule de 4 mm');

    // A length of 30 pixels on the image shown, quoted in the findings.
    await drawLength(page, [30, 48], [60, 48]);
    await page.getByTestId('report-insert-measurement').first().click();
    expect(await page.getByTestId('report-findings').inputValue()).toMatch(/Length \d+\.\d mm/);
    await page.locator('[data-testid=report-panel][data-saved=true]').waitFor();

    // The PACS goes away; each attempt to send is a 503 from the gateway.
    workstation.expectErrors(/^console\.error: Failed to load resource: the server responded with a status of 503 \(Service Unavailable\)$/);
    const { httpPort, dicomPort, workDir } = pacs;
    process.kill(pacs.pid, 'SIGKILL');
    await pacs.exited;
    await page.getByTestId('report-sign').click();
    const fields = await page.getByTestId('sign-field').allTextContents();
    expect(fields).toEqual(expect.arrayContaining(['RÉPONSE Hélène', 'RP-1515 (CH-SUD)', 'RP-ACC-7', 'PACS Sud']));
    await page.getByTestId('sign-confirm').click();
    await expect.poll(() => page.getByTestId('report-status').getAttribute('data-status'), { timeout: 20_000 }).toBe('queued');
    expect(await page.getByTestId('report-conclusion').getAttribute('readonly')).not.toBeNull();
    await page.screenshot({ path: screenshotPath('report-signed-queued') });

    await page.reload();
    await openStudy();
    expect(await page.getByTestId('report-status').getAttribute('data-status')).toBe('queued');
    pacs = await startOrthanc({ name: 'e2e-report', aeTitle: 'E2E_REPORT', username: 'report', password: 'report-secret', httpPort, dicomPort, workDir });
    await syncCall(page, 'sendNow');
    await expect.poll(() => page.getByTestId('report-status').getAttribute('data-status'), { timeout: 60_000 }).toBe('sent');
    // SR, KOS, PDF and TID 1500: sent together in one acknowledged STOW-RS, one instance each on the PACS.
    expect(stows.filter((s) => s === 200)).toEqual([200]);
    const objects = await pacsObjects();
    expect(objects.map((o) => [o.kind, o.json['00080016']!.Value![0]]).sort()).toEqual([['kos', KOS_CLASS], ['pdf', PDF_CLASS], ['sr', SR_CLASS], ['tid1500', TID1500_CLASS]]);
  }, 240_000);

  it('reads back from Orthanc: dsrdump parses the SR and KOS, dciodvfy finds no error, the text and reader are as written', async () => {
    const objects = await pacsObjects();
    const files: Record<string, string> = {};
    for (const object of objects) {
      const kind = object.kind;
      files[kind] = join(OUT, `${kind}-1.dcm`);
      await retrieveTo(pacs, study.StudyInstanceUID, object.json, files[kind]);
      const check = dciodvfy(files[kind]);
      expect(check.errors, `${kind}: ${check.out}`).toEqual([]);
    }
    const sr = dsrdump(files.sr!);
    expect(sr.status, sr.out).toBe(0);
    expect(sr.out).toContain(CONCLUSION);
    expect(sr.out).toContain('LEROY^Anne (10003456789');
    expect(sr.out).toContain('Patient             : RÉPONSE^Hélène (F, 1958-04-12, #RP-1515:CH-SUD)');
    const kos = dsrdump(files.kos!);
    expect(kos.status, kos.out).toBe(0);
    for (const uid of keySops) expect(kos.out).toContain(uid);
    // The audit trail: the signature (DICOM Instances Accessed, create) and each store, naming the reader, the patient and the node.
    const audit = readFileSync(join(workstation.web.dataDir, 'audit', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const signedRecord = audit.find((e) => e.EventID === '110103' && e.EventActionCode === 'C');
    expect(signedRecord).toMatchObject({ readerIdentity: 'LEROY^Anne (RPPS 10003456789)', nodeId: NODE, StudyInstanceUID: study.StudyInstanceUID, PatientID: 'RP-1515', IssuerOfPatientID: 'CH-SUD', EventOutcomeIndicator: 0 });
    const stores = audit.filter((e) => e.EventID === '110104' && e.EventActionCode === 'C' && e.StudyInstanceUID === study.StudyInstanceUID);
    // One DICOM Instances Transferred record for the one request that stored the four objects (PS3.15 A.5.3.4).
    expect(stores.filter((e) => e.EventOutcomeIndicator === 0).length).toBe(1);
    expect(stores.every((e) => e.readerIdentity === 'LEROY^Anne (RPPS 10003456789)' && e.PatientID === 'RP-1515')).toBe(true);
    // The measurement report: TID 1500 with the length, in mm, on the image it was drawn on.
    const tid1500 = dsrdump(files.tid1500!);
    expect(tid1500.status, tid1500.out).toBe(0);
    expect(tid1500.out).toContain('Imaging Measurements');
    expect(tid1500.out).toContain('#RP-1515:CH-SUD');
    expect(tid1500.out).toContain('Person Observer Name")="LEROY^Anne"');
    expect(tid1500.out).toContain('Verification Flag   : VERIFIED');
    expect(tid1500.out).toMatch(/NUM:\(,,"Length"\)="\d+(\.\d+)?" \(mm,UCUM,"mm"\)|Length.*mm/);
    // The report SR quotes the length as a number inferred from its image.
    expect(sr.out).toMatch(/NUM:.*"Length"\)="\d+(\.\d+)?" \(mm,UCUM/);
  });

  it('reopens from the PACS copy on another workstation (fresh profile): the report, key images, measurements and PDF', async () => {
    const other = await startWorkstation({ nodes: [dicomwebNode(NODE, 'PACS Sud', pacs)], viewport: { width: 1500, height: 950 } });
    try {
      // The worklist says the study carries a report on its PACS.
      await other.page.locator(`[data-testid=worklist-table] tbody tr[data-study="${study.StudyInstanceUID}"] [data-testid=reported-on-pacs]`).waitFor({ timeout: 60_000 });
      await openStudyReport(other.page, study.StudyInstanceUID);
      const docs = other.page.getByTestId('pacs-document');
      await expect.poll(() => docs.count(), { timeout: 30_000 }).toBe(4);
      expect((await docs.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kind))).sort()).toEqual(['kos', 'pdf', 'sr', 'sr']);
      const text = (await other.page.getByTestId('pacs-document-text').allTextContents()).join('\n');
      expect(text).toContain(CONCLUSION);
      expect(text).toMatch(/Length \d+(\.\d+)? mm/);
      expect(await other.page.locator('[data-testid=pacs-document][data-kind=sr]', { hasText: 'Diagnostic imaging report' }).textContent()).toMatch(/verified by LEROY Anne/);
      expect((await other.page.getByTestId('pacs-key-image').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.sop))).sort()).toEqual([...keySops].sort());
      // The document series are not hung as images.
      expect(await other.page.locator('[data-testid=series-list] button[data-series]').count()).toBe(1);
      // The PDF is saved as a file: the very document the PACS holds (%PDF header, its title).
      const download = other.page.waitForEvent('download');
      await other.page.getByTestId('pacs-document-pdf').click();
      const saved = readFileSync((await (await download).path())!);
      expect(saved.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect((await download).suggestedFilename()).toMatch(/^Chest CT report-.*\.pdf$/);
      await other.page.screenshot({ path: screenshotPath('report-reopened-elsewhere') });
    } finally {
      await other.stop();
    }
  }, 120_000);
});
